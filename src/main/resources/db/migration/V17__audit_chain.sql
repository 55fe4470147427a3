-- Tandem schema, part 17: a tamper-evident audit log.
--
-- Each clinic's audit events form a hash chain: a sealer (AuditSealer) links committed events in order shortly
-- after they are written, one seal row per event, each carrying the hash of the one before. Requests never wait on
-- the chain, so it does not serialize them. Verification recomputes the chain and names the first broken link.
-- Events of no clinic (a failed request whose clinic is unknown) chain under the all-zero id.
--
-- Append-only is enforced by the database for everyone: triggers refuse UPDATE and DELETE on audit_event and
-- audit_seal. The app's runtime user has no privilege to drop or alter a trigger; migrations run as their own user
-- (docs/operations.md).

create table audit_seal (
    event_id  binary(16)  not null,
    chain_id  binary(16)  not null,
    seq       bigint      not null,
    prev_hash binary(32)  not null,
    hash      binary(32)  not null,
    sealed_at datetime(6) not null,
    primary key (event_id),
    constraint uk_audit_seal_chain unique (chain_id, seq)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;

-- The head of each chain: the last seal, and how far in time the chain covers. The sealer locks the row (SKIP
-- LOCKED), so one replica at a time extends a chain.
create table audit_chain (
    chain_id       binary(16)  not null,
    last_seq       bigint      not null,
    last_hash      binary(32)  not null,
    sealed_through datetime(6) not null,
    updated_at     datetime(6) not null,
    primary key (chain_id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;

create trigger audit_event_append_only_update before update on audit_event for each row
    signal sqlstate '45000' set message_text = 'audit_event is append-only';

create trigger audit_event_append_only_delete before delete on audit_event for each row
    signal sqlstate '45000' set message_text = 'audit_event is append-only';

create trigger audit_seal_append_only_update before update on audit_seal for each row
    signal sqlstate '45000' set message_text = 'audit_seal is append-only';

create trigger audit_seal_append_only_delete before delete on audit_seal for each row
    signal sqlstate '45000' set message_text = 'audit_seal is append-only';
