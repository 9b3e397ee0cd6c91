-- Agents belong to teams; among equally loaded agents the one idle longest is chosen.
alter table agent add column teams text[] not null default '{}';
alter table agent rename column last_assigned_at to idle_since;
alter table agent add column presence_changed_at timestamptz;
drop index agent_available;
create index agent_by_presence on agent (presence);

-- One takeover per handover: queued, offered to one agent at a time, assigned, then resolved, handed back or closed.
create table takeover (
    handover_id      text        primary key,
    conversation_id  text        not null,
    customer_id      text,
    customer_name    text,
    channel          text        not null,
    language         text,
    required_skills  text[]      not null,
    team             text,
    priority_rank    integer     not null,
    reasons          text[]      not null default '{}',
    summary          text,
    -- Queue order; kept when a conversation is requeued, so it does not lose its place.
    requested_at     timestamptz not null,
    state            text        not null,
    agent_id         text        references agent (agent_id),
    offered_at       timestamptz,
    offer_expires_at timestamptz,
    assigned_at      timestamptz,
    closed_at        timestamptz,
    close_reason     text,
    -- A round ends when every suitable agent online has declined; nobody is offered the same conversation twice in one.
    round            integer     not null default 1,
    declined_by      text[]      not null default '{}',
    not_before       timestamptz,
    -- The customer's previous agent gets the first offer until sticky_until.
    sticky_agent_id  text,
    sticky_until     timestamptz
);

insert into takeover (handover_id, conversation_id, channel, language, required_skills, priority_rank, requested_at,
                      state, agent_id, assigned_at)
select handover_id, conversation_id, 'unknown', language, required_skills, priority_rank, requested_at,
       case when agent_id is null then 'WAITING' else 'ASSIGNED' end, agent_id, assigned_at
from queue_entry;
drop table queue_entry;

-- A conversation has at most one open takeover.
create unique index takeover_open_conversation on takeover (conversation_id)
    where state in ('WAITING', 'OFFERED', 'ASSIGNED');
-- The lookups take the state as a parameter, which a partial index cannot serve once the plan is generic, so the
-- indexes that make them fast are plain ones.
create index takeover_by_conversation on takeover (conversation_id, requested_at);
create index takeover_by_agent on takeover (agent_id, state);
-- The queue in serving order: highest priority first, then longest waiting.
create index takeover_by_state_in_serving_order on takeover (state, priority_rank desc, requested_at, handover_id);
create index takeover_offer_expiry on takeover (offer_expires_at) where state = 'OFFERED';
-- Recent handling times, for the expected wait.
create index takeover_handled on takeover (closed_at) where assigned_at is not null and closed_at is not null;

-- Who served a customer last, for the sticky agent.
create table previous_agent (
    customer_id text        primary key,
    agent_id    text        not null references agent (agent_id),
    served_at   timestamptz not null
);

-- The customer's mood from the latest analysis, shown to the agent.
create table conversation_mood (
    conversation_id text             primary key,
    sentiment_label text             not null,
    sentiment_score double precision not null,
    frustration     double precision not null,
    analysed_at     timestamptz      not null
);

-- The queue position last published per waiting conversation, so updates are coalesced and only changes go out.
create table queue_notice (
    handover_id           text        primary key,
    position              integer     not null,
    expected_wait_seconds bigint      not null,
    matching_agents       integer     not null,
    published_at          timestamptz not null
);
