-- Every message, analysis and lifecycle event of a conversation, once.
create table transcript_entry (
    id              bigint generated always as identity primary key,
    conversation_id text        not null,
    entry_key       text        not null,
    event_type      text        not null,
    occurred_at     timestamptz not null,
    recorded_at     timestamptz not null default now(),
    payload         jsonb       not null,
    -- The idempotency key (ce_id, or messageId for customer messages): a redelivery adds nothing.
    constraint transcript_entry_once unique (conversation_id, entry_key)
);

-- A transcript is read in conversation order.
create index transcript_entry_in_order on transcript_entry (conversation_id, occurred_at, id);
