-- One analysis per customer message; the conversation's earlier analyses are the bot's context.
create table analysed_message (
    id              bigint generated always as identity primary key,
    conversation_id text             not null,
    message_id      text             not null,
    language        text             not null,
    intent          text             not null,
    confidence      double precision not null,
    sentiment       double precision not null,
    frustration     double precision not null,
    human_requested boolean          not null,
    out_of_scope    boolean          not null,
    analysed_at     timestamptz      not null,
    constraint analysed_message_once unique (conversation_id, message_id)
);
