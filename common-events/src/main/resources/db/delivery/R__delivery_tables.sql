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

-- Idempotency keys of consumed events; a redelivered event finds its key and changes nothing.
create table if not exists processed_event (
    idempotency_key text        primary key,
    processed_at    timestamptz not null default now()
);
create index if not exists processed_event_processed_at on processed_event (processed_at);
