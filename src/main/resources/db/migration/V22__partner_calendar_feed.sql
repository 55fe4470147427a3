-- Tandem schema, part 22: a partner's own calendar feed, as a therapist's (calendar_feed): only the SHA-256 of the
-- secret token is kept. It stops answering once the partner's account is revoked or the couple discharged.
create table partner_calendar_feed (
    partner_id binary(16)  not null,
    token_hash char(64)    not null,
    created_at datetime(6) not null,
    primary key (partner_id),
    constraint uk_partner_calendar_feed_token unique (token_hash),
    constraint fk_partner_calendar_feed_partner foreign key (partner_id) references partner (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;
