-- A clinic may require an intimate-partner-violence screening of each partner before a couple's first joint session
-- (screening/ScreeningService). Off by default; additive, so the previous release runs on it unchanged.
alter table clinic
    add column ipv_screening_required boolean not null default false;
