-- The conversation row is the lock every change to one conversation takes (two instances, several topics), so it is
-- created by whichever record arrives first: an analysis may come before the message it analyses.
alter table conversation alter column channel drop not null;
alter table conversation alter column last_message_at drop not null;
alter table conversation add column language text;
alter table conversation add column attributes jsonb not null default '{}';
alter table conversation add column collected_data jsonb not null default '{}';
alter table conversation add column collected_at timestamptz;
alter table conversation add column incident_id text;
-- Turns up to this sequence number belong to earlier escalations; the policy only looks at later ones.
alter table conversation add column window_start_seq bigint not null default 0;
alter table conversation add column created_at timestamptz not null default now();
create index conversation_customer on conversation (customer_id) where customer_id is not null;
create index conversation_incident on conversation (incident_id) where incident_id is not null;
create index conversation_last_message on conversation (last_message_at);

-- One customer message: its text (from conversation.inbound) and its analysis (from bot.analysis), in either order.
create table turn (
    seq                  bigint generated always as identity primary key,
    conversation_id      text        not null,
    message_id           text        not null,
    text                 text,
    sent_at              timestamptz,
    seen_at              timestamptz not null,
    analysed             boolean     not null default false,
    language             text,
    intent               text,
    confidence           double precision,
    sentiment            double precision,
    frustration          double precision,
    human_requested      boolean,
    out_of_scope         boolean,
    failed_clarification boolean,
    answer_rejected      boolean,
    after_bot_purpose    text,
    unique (conversation_id, message_id)
);
create index turn_conversation_intent on turn (conversation_id, intent, seen_at);

-- Messages to the customer from the bot and agents: what the bot tried, and whom the customer last heard from.
create table reply (
    message_id      text        primary key,
    conversation_id text        not null,
    sender_type     text        not null,
    sender_name     text,
    purpose         text,
    text            text,
    sent_at         timestamptz not null,
    seen_at         timestamptz not null
);
create index reply_conversation on reply (conversation_id, seen_at);

-- The escalation's explanation, its routing data, where it stands in the queue and its timers.
alter table handover add column reasons jsonb not null default '[]';
alter table handover add column required_skills text[] not null default '{}';
alter table handover add column language text;
alter table handover add column incident_id text;
alter table handover add column cause text;
alter table handover add column agent_id text;
alter table handover add column agent_name text;
alter table handover add column queue_position integer;
alter table handover add column expected_wait_seconds bigint;
alter table handover add column matching_agents_online integer;
alter table handover add column notified_position integer;
alter table handover add column notified_wait_seconds bigint;
alter table handover add column queue_notified_at timestamptz;
alter table handover add column queue_notice_at timestamptz;
alter table handover add column wait_limit_at timestamptz;
alter table handover add column abandon_at timestamptz;
alter table handover add column alternatives_offered_at timestamptz;
alter table handover add column no_agent_notified boolean not null default false;
alter table handover add column greeting_pending boolean not null default false;
alter table handover add column due_at timestamptz;
alter table handover add column closed_at timestamptz;
create index handover_due on handover (due_at) where due_at is not null;
create index handover_conversation on handover (conversation_id, requested_at);

-- Every control-state transition with its cause, as published on handover.events.
create table control_transition (
    id              bigint generated always as identity primary key,
    conversation_id text        not null,
    handover_id     text        not null,
    from_state      text        not null,
    to_state        text        not null,
    cause           text        not null,
    detail          text,
    changed_at      timestamptz not null
);
create index control_transition_conversation on control_transition (conversation_id, id);

-- Incidents operators declare; conversations matching an active one are tagged and prioritised.
create table incident (
    incident_id     text        primary key,
    description     text        not null,
    intents         text[]      not null,
    keywords        text[]      not null,
    priority        text        not null,
    customer_notice jsonb       not null default '{}',
    declared_by     text,
    declared_at     timestamptz not null,
    ended_at        timestamptz
);
create index incident_active on incident (declared_at) where ended_at is null;
