-- What the bot knows about each conversation: control state, validated customer data, what it awaits, how it goes.
create table bot_conversation (
    conversation_id       text primary key,
    channel               text,
    language              text,
    customer_id           text,
    customer_name         text,
    customer_number       text,
    email                 text,
    control_state         text             not null default 'BOT',
    control_changed_at    timestamptz,
    awaiting              text             not null default 'NOTHING',
    awaiting_attempts     integer          not null default 0,
    clarification_options text,
    pending_intent        text,
    consecutive_failures  integer          not null default 0,
    last_bot_purpose      text,
    frustration           double precision not null default 0,
    recent_fingerprints   text,
    survey_score          integer
);

-- Uploaded intent catalogues; every instance trains the latest.
create table nlu_catalogue (
    version     bigint generated always as identity primary key,
    body        text        not null,
    uploaded_at timestamptz not null default now()
);

-- The analyses also say what the bot did with the message, for the bot's own quality reports.
alter table analysed_message add column reply_purpose text;
alter table analysed_message add column signals text;
