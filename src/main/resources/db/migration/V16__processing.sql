-- Processing: the agency's internal process (quy trình nội bộ) of a dossier after reception, step by step,
-- with the time of every hand-over (Circular 01/2018 form 05, the process control sheet).

-- A process definition: the agency's default (procedure_code null) or one procedure's at that agency, which
-- overrides the default. An agency without a default uses the built-in one (specialist, then leader).
create table processing_definition (
    id             bigserial    primary key,
    agency_code    varchar(20)  not null references agency (code),
    procedure_code varchar(40),
    updated_at     timestamptz  not null,
    updated_by     varchar(100) not null,
    row_version    int          not null default 0,
    unique nulls not distinct (agency_code, procedure_code)
);

-- The ordered steps of a definition. budget_percent is the step's share of the dossier's legal processing
-- time (the working time from receipt to the due time); the shares of a definition add up to 100.
create table processing_definition_step (
    definition_id  bigint      not null references processing_definition (id) on delete cascade,
    ordinal        int         not null check (ordinal between 1 and 20),
    name           text        not null,
    role           varchar(32) not null check (role in ('RECEPTION_OFFICER', 'SPECIALIST', 'LEADER')),
    budget_percent int         not null check (budget_percent between 1 and 100),
    may_send_back  boolean     not null default false,
    primary key (definition_id, ordinal)
);

-- The process a received dossier follows: the steps as they were when it was received (editing a definition
-- later does not change running dossiers), and the working time its shares are taken of.
create table processing_dossier (
    dossier_id      bigint       primary key references dossier (id),
    agency_code     varchar(20)  not null,
    definition_id   bigint       references processing_definition (id) on delete set null,
    steps           jsonb        not null,
    working_minutes int          not null,
    opened_at       timestamptz  not null
);

-- One stay of a dossier at a step: who handed it over (started_by) and when, who holds it (assignee, null
-- while it waits in the pool of the step's role), its due time, and how it ended (forwarded to the next step,
-- sent back to the previous one, reassigned to another officer, approved), by whom and with what note.
create table dossier_step (
    id          bigserial    primary key,
    dossier_id  bigint       not null references dossier (id),
    agency_code varchar(20)  not null,
    ordinal     int          not null,
    name        text         not null,
    role        varchar(32)  not null,
    assignee    varchar(100),
    started_at  timestamptz  not null,
    started_by  varchar(100) not null,
    due_at      timestamptz  not null,
    ended_at    timestamptz,
    ended_by    varchar(100),
    outcome     varchar(12)  check (outcome in ('FORWARDED', 'SENT_BACK', 'REASSIGNED', 'APPROVED')),
    note        text,
    check ((ended_at is null) = (outcome is null))
);
create index dossier_step_dossier_idx on dossier_step (dossier_id, id);
-- At most one open step per dossier; the work lists read the open steps of an agency.
create unique index dossier_step_open_idx on dossier_step (dossier_id) where ended_at is null;
create index dossier_step_work_idx on dossier_step (agency_code, role, assignee) where ended_at is null;
