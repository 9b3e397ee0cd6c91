-- The W3C trace context of the takeover request: the offer, the assignment and what follows them are published in
-- the trace of the customer message that asked for a person, even when an agent's click or a timer triggers them.
alter table takeover add column traceparent text;
