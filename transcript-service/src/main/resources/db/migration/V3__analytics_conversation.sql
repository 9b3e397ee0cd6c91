-- The analytics read model: one row per conversation with what the supervisors' summary needs, kept up to date by the
-- log's consumer in the same transaction as the entries. Only new entries change it, so a redelivery changes nothing;
-- times fold with least/greatest, so the order in which the five topics arrive does not matter.
-- The customer is kept only as a SHA-256 hash, enough to recognise a repeat contact.
create table analytics_conversation (
    conversation_id       text        primary key,
    started_at            timestamptz not null,
    channel               text,
    language              text,
    customer_hash         text,
    intent                text,
    intent_at             timestamptz,
    customer_messages     integer     not null default 0,
    clarifications        integer     not null default 0,
    rejections            integer     not null default 0,
    bot_failures          integer     not null default 0,
    flags                 integer     not null default 0,
    handover_requested_at timestamptz,
    handover_reasons      text[]      not null default '{}',
    first_offered_at      timestamptz,
    assigned_at           timestamptz,
    first_agent_reply_at  timestamptz,
    ended_at              timestamptz
);

-- The summary reads a range of conversations by when they started.
create index analytics_conversation_started on analytics_conversation (started_at);

-- A repeat contact: a later conversation of the same customer about the same intent.
create index analytics_conversation_repeat on analytics_conversation (customer_hash, intent, started_at)
    where customer_hash is not null;
