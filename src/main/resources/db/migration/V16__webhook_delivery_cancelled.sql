-- Tandem schema, part 16: a deactivated webhook endpoint receives nothing. Deliveries still pending when it is
-- deactivated become CANCELLED (kept in its log); last_error holds a category (timeout, refused, tls,
-- http-status, blocked-address, unresolvable, error), never an exception's name.

alter table webhook_delivery drop constraint ck_delivery_status;

alter table webhook_delivery add constraint ck_delivery_status
    check (status in ('PENDING', 'DELIVERED', 'DEAD', 'CANCELLED'));

update webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
    set d.status = 'CANCELLED' where e.active = false and d.status = 'PENDING';

update webhook_delivery set last_error = 'error' where last_error is not null
    and last_error not in ('timeout', 'refused', 'tls', 'http-status', 'blocked-address', 'unresolvable', 'error',
                           'interrupted');
