-- Statistics: a withdrawal (status 7) counts on the day it happened (ADR 0028). Until now a withdrawn
-- dossier was taken out of every counter, so withdrawing it in May changed the figures of March, when it
-- was received. Now it stays received on its day of receipt and open until the day of its withdrawal.
-- The counters gain, per day (and summed per month):
--   withdrawn: dossiers withdrawn that day;
--   withdrawn_overdue: of those, the ones withdrawn on or after their due day;
--   due_after_withdrawn: received dossiers due that day and withdrawn before it.
-- Existing counters hold no withdrawn dossier: the administrator's recompute (POST
-- /api/v1/admin/statistics/recompute) adds them, with the day of withdrawal read from the dossier timeline.
alter table statistics_dossier add column withdrawn_on date,
    add check (withdrawn_on is null or withdrawn_on >= received_on);

alter table statistics_day add column withdrawn int not null default 0,
    add column withdrawn_overdue int not null default 0,
    add column due_after_withdrawn int not null default 0;
alter table statistics_month add column withdrawn int not null default 0,
    add column withdrawn_overdue int not null default 0,
    add column due_after_withdrawn int not null default 0;
alter table statistics_agency_day add column withdrawn int not null default 0,
    add column withdrawn_overdue int not null default 0,
    add column due_after_withdrawn int not null default 0;
alter table statistics_agency_month add column withdrawn int not null default 0,
    add column withdrawn_overdue int not null default 0,
    add column due_after_withdrawn int not null default 0;

-- Housekeeping (docs/architecture.md "Housekeeping").
-- Outbound events delivered to the broker longer ago than the retention are deleted in small batches;
-- undelivered ones stay. The feed tells a client whose cursor is before the last deleted id that it has
-- missed events: that id is kept here (one row).
create index integration_event_published_idx on integration_event (published_at) where published_at is not null;
create table integration_event_pruning (
    only_row       boolean primary key default true check (only_row),
    pruned_through bigint  not null default 0
);
insert into integration_event_pruning(only_row, pruned_through) values (true, 0);

-- The orphan document sweep asks, for a batch of old documents, which ones a dossier, a draft or an
-- electronic result refers to: by document id.
create index dossier_document_document_idx on dossier_document (document_id);
create index dossier_draft_document_document_idx on dossier_draft_document (document_id);
create index electronic_result_document_idx on electronic_result (document_id);
