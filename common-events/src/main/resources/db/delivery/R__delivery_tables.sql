-- Reliable delivery, shared by every service. Repeatable and idempotent, so it never competes with a service's own
-- versioned migrations.

-- Events written in a business transaction, waiting for OutboxRelay to send them.
create table if not exists outbox_event (
    id          bigint generated always as identity primary key,
    event_id    uuid        not null,
    event_type  text        not null,
    topic       text        not null,
    record_key  text        not null,
    source      text        not null,
    occurred_at timestamptz not null,
    payload     bytea       not null
);
-- The relay slot of the record key, as OutboxSlots computes it: the first 32 bits of its MD5, modulo 32. Stored, so
-- rows written before the column existed get theirs too; the relay reads "where slot = any(owned) order by id" along
-- the primary key.
alter table outbox_event add column if not exists slot smallint not null
    generated always as (mod(('x' || substr(md5(record_key), 1, 8))::bit(32)::bigint, 32)) stored;
-- W3C trace context of the transaction that wrote the event, sent as the traceparent header when present.
alter table outbox_event add column if not exists traceparent text;

-- Events the broker refused for good (too large, invalid), set aside with the reason so they block nothing behind
-- them; an operator can inspect them and move them back into outbox_event once the cause is fixed.
create table if not exists outbox_dead_letter (
    id           bigint      primary key,
    event_id     uuid        not null,
    event_type   text        not null,
    topic        text        not null,
    record_key   text        not null,
    source       text        not null,
    occurred_at  timestamptz not null,
    payload      bytea       not null,
    traceparent  text,
    reason       text        not null,
    set_aside_at timestamptz not null default now()
);

-- Idempotency keys of consumed events; a redelivered event finds its key and changes nothing.
create table if not exists processed_event (
    idempotency_key text        primary key,
    processed_at    timestamptz not null default now()
);
create index if not exists processed_event_processed_at on processed_event (processed_at);
