-- Tandem schema, part 34: each partner's recovery stage over time, set by a therapist: the betrayed partner's in
-- the partner-trauma model (safety and stabilisation, remembrance and mourning, reconnection), the recovering
-- partner's in the stages of recovery from sex addiction (developing, crisis and decision, shock, grief, repair,
-- growth). Entries are never changed: a new one from its date on supersedes the last. No free text.
create table recovery_stage (
    id          binary(16)   not null,
    clinic_id   binary(16)   not null,
    couple_id   binary(16)   not null,
    partner_id  binary(16)   not null,
    stage       varchar(32)  not null,
    since       date         not null,
    recorded_by varchar(255) not null,
    created_at  datetime(6)  not null,
    primary key (id),
    constraint fk_recovery_stage_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_recovery_stage_couple foreign key (couple_id) references couple (id),
    constraint fk_recovery_stage_partner foreign key (partner_id) references partner (id),
    constraint ck_recovery_stage check (stage in ('SAFETY_AND_STABILISATION', 'REMEMBRANCE_AND_MOURNING',
        'RECONNECTION', 'DEVELOPING', 'CRISIS_AND_DECISION', 'SHOCK', 'GRIEF', 'REPAIR', 'GROWTH'))
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_recovery_stage_partner on recovery_stage (partner_id, since, created_at);
create index ix_recovery_stage_couple on recovery_stage (couple_id);
