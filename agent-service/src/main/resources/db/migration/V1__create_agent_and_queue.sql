create table agent (
    agent_id             text        primary key,
    display_name         text        not null,
    skills               text[]      not null,
    languages            text[]      not null,
    capacity             integer     not null check (capacity > 0),
    presence             text        not null,
    active_conversations integer     not null default 0 check (active_conversations >= 0),
    last_assigned_at     timestamptz
);

-- Finds the free agents quickly however many are offline.
create index agent_available on agent (active_conversations, last_assigned_at) where presence = 'ONLINE';

-- Conversations waiting for an agent, and to whom each was given.
create table queue_entry (
    handover_id     text        primary key,
    conversation_id text        not null,
    language        text,
    required_skills text[]      not null,
    priority_rank   integer     not null,
    requested_at    timestamptz not null,
    agent_id        text        references agent (agent_id),
    assigned_at     timestamptz
);

-- The queue in serving order: highest priority first, then longest waiting.
create index queue_entry_waiting on queue_entry (priority_rank desc, requested_at) where agent_id is null;
