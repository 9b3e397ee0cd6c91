-- The log becomes the conversation's record: who wrote each entry, what kind of entry it is (transcript filters), a
-- per-conversation order that survives arrival from five topics, and the conversation and agent summaries that
-- customer history, access control, erasure and retention read.

alter table transcript_entry
    add column kind        text,
    add column stage       smallint,
    add column order_at    timestamptz,
    add column caused_by   text,
    add column sender_type text,
    add column sender_id   text,
    add column sender_name text,
    add column source      text,
    add column erased      boolean not null default false;

-- Entries the walking skeleton wrote, classified the way the service now classifies them.
update transcript_entry set
    kind = case
        when event_type in ('conversation.message-received.v1', 'conversation.message-sent.v1') then 'MESSAGE'
        when event_type = 'agent.internal-note-added.v1' then 'NOTE'
        when event_type like 'bot.%' then 'ANALYSIS'
        else 'EVENT' end,
    stage = case
        when event_type = 'conversation.message-received.v1' then 0
        when event_type like 'bot.%' then 1
        when event_type like 'handover.%' then 2
        when event_type like 'agent.%' then 3
        else 4 end,
    order_at = occurred_at,
    caused_by = case when event_type = 'bot.message-analyzed.v1' then 'message:' || (payload ->> 'messageId') end,
    sender_type = case
        when event_type = 'conversation.message-received.v1' then 'CUSTOMER'
        when event_type = 'conversation.message-sent.v1' then payload -> 'sender' ->> 'type'
        when event_type like 'bot.%' then 'BOT'
        when event_type in ('agent.conversation-assigned.v1', 'agent.internal-note-added.v1') then 'AGENT'
        else 'SYSTEM' end,
    sender_id = case
        when event_type = 'conversation.message-received.v1' then payload ->> 'customerId'
        when event_type = 'conversation.message-sent.v1' then payload -> 'sender' ->> 'id'
        when event_type in ('agent.conversation-assigned.v1', 'agent.internal-note-added.v1') then payload ->> 'agentId'
        end;

alter table transcript_entry
    alter column kind set not null,
    alter column stage set not null,
    alter column order_at set not null,
    alter column sender_type set not null;

-- Transcripts are read, and paged, in conversation order: (order_at, stage, id).
drop index transcript_entry_in_order;
create index transcript_entry_in_order on transcript_entry (conversation_id, order_at, stage, id);

-- An analysis is found from its message (inline analysis, and moving it after a late message).
create index transcript_entry_effects on transcript_entry (conversation_id, caused_by) where caused_by is not null;

-- One row per conversation: who the customer is, when it started and was last active, who is in charge.
create table conversation (
    conversation_id  text        primary key,
    customer_id      text,
    customer_name    text,
    channel          text,
    language         text,
    started_at       timestamptz not null,
    last_activity_at timestamptz not null,
    entry_count      integer     not null default 0,
    control_state    text,
    control_state_at timestamptz,
    -- Set by an erasure: entries that happened before it are stored anonymised even when they arrive late.
    erased_at        timestamptz,
    erasure_id       uuid
);

-- A customer's history across conversations and channels, newest first.
create index conversation_of_customer on conversation (customer_id, started_at desc) where customer_id is not null;

-- Retention finds the conversations that have been quiet for longest.
create index conversation_last_activity on conversation (last_activity_at);

-- The agents of a conversation: who handled it, and whose offer to take it still stands. This is what an agent's
-- read access rests on. A withdrawn offer is stored as -infinity, an unknown one as null.
create table conversation_agent (
    conversation_id  text        not null references conversation on delete cascade,
    agent_id         text        not null,
    agent_name       text,
    handled          boolean     not null default false,
    offer_expires_at timestamptz,
    first_seen_at    timestamptz not null,
    primary key (conversation_id, agent_id)
);

create index conversation_agent_by_agent on conversation_agent (agent_id);

-- Every erasure, for accountability, and so that data of an erased customer which was still in flight is stored
-- anonymised. The customer is kept only as a SHA-256 hash of their id.
create table customer_erasure (
    erasure_id    uuid        primary key,
    customer_hash text        not null,
    erased_at     timestamptz not null,
    conversations integer     not null,
    requested_by  text        not null
);

create index customer_erasure_of_customer on customer_erasure (customer_hash, erased_at);

-- Conversations and handling agents of the entries the walking skeleton wrote.
insert into conversation (conversation_id, customer_id, customer_name, channel, started_at, last_activity_at, entry_count)
select conversation_id,
       (array_agg(payload ->> 'customerId' order by order_at)
            filter (where event_type = 'conversation.message-received.v1' and payload ? 'customerId'))[1],
       (array_agg(payload ->> 'customerName' order by order_at)
            filter (where event_type = 'conversation.message-received.v1' and payload ? 'customerName'))[1],
       (array_agg(payload ->> 'channel' order by order_at) filter (where payload ? 'channel'))[1],
       min(order_at),
       max(order_at),
       count(*)
from transcript_entry
group by conversation_id;

insert into conversation_agent (conversation_id, agent_id, agent_name, handled, first_seen_at)
select conversation_id, payload ->> 'agentId', max(payload ->> 'agentName'), true, min(order_at)
from transcript_entry
where event_type = 'agent.conversation-assigned.v1'
group by conversation_id, payload ->> 'agentId';
