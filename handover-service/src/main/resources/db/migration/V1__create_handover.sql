-- What the service knows about each conversation, from the customer's messages.
create table conversation (
    conversation_id text        primary key,
    channel         text        not null,
    customer_id     text,
    customer_name   text,
    last_message_at timestamptz not null
);

-- One escalation of one conversation and its control state.
create table handover (
    handover_id     text        primary key,
    conversation_id text        not null,
    state           text        not null,
    reason_codes    text        not null,
    priority        text        not null,
    requested_at    timestamptz not null,
    updated_at      timestamptz not null
);

-- At most one escalation in progress per conversation, also with two instances racing.
create unique index handover_one_open_per_conversation on handover (conversation_id)
    where state in ('REQUESTED', 'QUEUED', 'WITH_AGENT');
