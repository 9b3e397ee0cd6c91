-- Satisfaction ratings (bot.satisfaction-rated.v1) apart by who served the customer: the scores 1..5 in the order
-- they came, and the answers in words. Like every count here, only new log entries add to them.
alter table analytics_conversation
    add column bot_scores     integer[] not null default '{}',
    add column agent_scores   integer[] not null default '{}',
    add column bot_in_words   integer   not null default 0,
    add column agent_in_words integer   not null default 0;
