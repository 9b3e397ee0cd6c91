-- Whom a satisfaction rating is about: the handover in which a person last served the customer, and the one the open
-- question asks about (null: the bot's own help). The bot asks about its own help once per conversation.
alter table bot_conversation
    add column last_handover_id   text,
    add column survey_handover_id text,
    add column surveyed           boolean not null default false;
