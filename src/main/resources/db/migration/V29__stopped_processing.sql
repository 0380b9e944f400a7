-- A dossier whose processing is stopped (status 8, ADR 0029) ends its open step with the outcome STOPPED.
alter table dossier_step drop constraint dossier_step_outcome_check;
alter table dossier_step add constraint dossier_step_outcome_check
    check (outcome in ('FORWARDED', 'SENT_BACK', 'REASSIGNED', 'APPROVED', 'STOPPED'));

-- Statistics: a dossier whose processing is stopped leaves "in progress" on the day it was stopped, without
-- being resolved, as a withdrawal does (ADR 0028, ADR 0029), and is counted on its own:
--   stopped: dossiers stopped that day;
--   stopped_overdue: of those, the ones stopped on or after their due day;
--   due_after_stopped: received dossiers due that day and stopped before it.
-- The day of the stop is the time of the dossier's STOPPED timeline line (to_status 8).
alter table statistics_dossier add column stopped_on date,
    add check (stopped_on is null or stopped_on >= received_on);

alter table statistics_day add column stopped int not null default 0,
    add column stopped_overdue int not null default 0,
    add column due_after_stopped int not null default 0;
alter table statistics_month add column stopped int not null default 0,
    add column stopped_overdue int not null default 0,
    add column due_after_stopped int not null default 0;
alter table statistics_agency_day add column stopped int not null default 0,
    add column stopped_overdue int not null default 0,
    add column due_after_stopped int not null default 0;
alter table statistics_agency_month add column stopped int not null default 0,
    add column stopped_overdue int not null default 0,
    add column due_after_stopped int not null default 0;
