-- Tandem schema, part 40: a boundary broken, as a trust and safety signal: which boundary, by which partner, on which
-- day. No free text (what happened belongs in the session note).
create table boundary_break (
    id           binary(16)   not null,
    clinic_id    binary(16)   not null,
    couple_id    binary(16)   not null,
    boundary_id  binary(16)   not null,
    broken_by    binary(16)   not null,
    occurred_on  date         not null,
    recorded_by  varchar(255) not null,
    created_at   datetime(6)  not null,
    primary key (id),
    constraint fk_boundary_break_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_boundary_break_couple foreign key (couple_id) references couple (id),
    constraint fk_boundary_break_boundary foreign key (boundary_id) references boundary (id),
    constraint fk_boundary_break_partner foreign key (broken_by) references partner (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_unicode_ci;

create index ix_boundary_break_couple on boundary_break (couple_id, occurred_on);
