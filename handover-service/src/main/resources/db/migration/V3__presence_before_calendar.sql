-- Whether anybody is there to take over comes from agent-service first, the business calendar only as a fallback:
-- what agent-service last said (null until it has spoken), and how long its first word is awaited.
alter table handover add column agents_online boolean;
alter table handover add column presence_due_at timestamptz;
