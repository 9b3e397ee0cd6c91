-- The critical issue bot-service recognised in a customer message, independently of the catalogue (issue 9).
alter table turn add column critical_kind text;
alter table turn add column critical_confidence double precision;
alter table turn add column critical_evidence text;
