-- The web channel's conversations and what their customers have seen: the adapter's own delivery log.

-- One row per conversation; last_seq numbers its log entries, and locking the row serialises appends to it.
create table web_conversation (
    conversation_id text        primary key,
    customer_id     text,
    customer_name   text,
    attributes      jsonb       not null default '{}',
    language        text,
    last_seq        bigint      not null default 0,
    started_at      timestamptz not null
);
create index web_conversation_customer on web_conversation (customer_id, started_at desc)
    where customer_id is not null;

-- A browser holds a random token that opens its conversation; only its SHA-256 is stored. Each device has its own.
create table visitor_token (
    token_hash      bytea       primary key,
    conversation_id text        not null references web_conversation on delete cascade,
    issued_at       timestamptz not null
);
create index visitor_token_conversation on visitor_token (conversation_id);

-- Every message in either direction, numbered per conversation. A message id is logged once per direction, so a
-- resent customer message or a redelivered outbound record changes nothing.
create table delivery_log (
    conversation_id text        not null references web_conversation on delete cascade,
    seq             bigint      not null,
    direction       text        not null check (direction in ('IN', 'OUT')),
    message_id      text        not null,
    author          text        not null,
    sender_id       text,
    sender_name     text,
    body            text        not null,
    purpose         text,
    sent_at         timestamptz not null,
    primary key (conversation_id, seq),
    unique (conversation_id, direction, message_id)
);
