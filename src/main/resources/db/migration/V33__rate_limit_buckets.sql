-- Tandem schema, part 33: rate-limit buckets shared by every replica (Bucket4j's MySQL backend: one row per client,
-- locked for the moment a request takes a token). The key is the OAuth2 client and the caller's subject, never a
-- token; the state is Bucket4j's serialized counters. A bucket full again expires (expires_at, epoch milliseconds)
-- and a scheduled job deletes it.
create table rate_limit_bucket (
    id         varchar(255) not null,
    state      blob,
    expires_at bigint,
    primary key (id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;

create index ix_rate_limit_bucket_expires on rate_limit_bucket (expires_at);
