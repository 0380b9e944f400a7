-- Planning: the yearly plan of services to bring to level 4 (plan 2575/KH-UBND, point 8 of the seed).
-- Agencies register procedures for a year; the provincial coordinator consolidates, rejects what a
-- central ministry already provides, approves the rest and publishes. Plan documents are also kept
-- exactly as written, with their stated figures, so that the checks can say what does not add up.

-- One registration cycle per year, moving only forward through its statuses.
create table plan (
    id                    bigserial primary key,
    year                  int          not null unique check (year between 2000 and 2100),
    status                varchar(24)  not null
                          check (status in ('REGISTRATION_OPEN', 'CONSOLIDATED', 'APPROVED', 'PUBLISHED')),
    registration_deadline date         not null, -- last day (Vietnam time) on which agencies may register
    created_at            timestamptz  not null,
    created_by            text         not null,
    consolidated_at       timestamptz,
    approved_at           timestamptz,
    published_at          timestamptz
);

-- One procedure an agency will bring to level 4 in the plan's year.
create table plan_entry (
    id                   bigserial primary key,
    plan_id              bigint       not null references plan (id),
    agency_code          varchar(20)  not null references agency (code),
    procedure_code       varchar(40)  not null references procedure (code),
    procedure_name       text         not null, -- the name when registered, as the agency saw it
    kind                 varchar(16)  not null check (kind in ('NEW_BUILD', 'UPGRADE')),
    estimated_budget_vnd bigint       not null check (estimated_budget_vnd >= 0),
    owner                text         not null, -- person or unit in charge
    note                 text,
    status               varchar(16)  not null check (status in ('REGISTERED', 'APPROVED', 'REJECTED')),
    centrally_provided   boolean      not null, -- the catalogue's flag, refreshed on consolidation
    rejection_reason     text,
    decided_by           text,
    decided_at           timestamptz,
    registered_by        text         not null,
    registered_at        timestamptz  not null,
    unique (plan_id, agency_code, procedure_code),
    check (status <> 'REJECTED' or rejection_reason is not null)
);
create index plan_entry_agency_idx on plan_entry (plan_id, agency_code);

-- Who did what to which plan, and when: registrations, withdrawals, decisions, transitions, imports.
create table plan_audit (
    id             bigserial primary key,
    plan_year      int          not null,
    action         varchar(32)  not null,
    agency_code    varchar(20),
    procedure_code varchar(40),
    detail         text,
    actor          text         not null,
    occurred_at    timestamptz  not null
);
create index plan_audit_year_idx on plan_audit (plan_year, occurred_at);

-- A plan document as written (e.g. 2575/KH-UBND), imported from a file. Stated figures are kept as
-- they were written, never corrected; numeric without a scale keeps the precision of the text
-- (32.99 stays 32.99), which is the precision the computed ratio is compared at.
create table plan_document (
    id                    bigserial primary key,
    reference             text         not null unique,
    title                 text         not null,
    issued_on             date,
    first_year            int          not null check (first_year between 2000 and 2100),
    last_year             int          not null check (last_year between first_year and 2100),
    procedures_total      int          not null check (procedures_total > 0),
    existing_level_3      int,
    existing_level_4      int,
    target_ratio          numeric,
    stated_total          int,
    stated_provided_total int,
    stated_ratio          numeric,
    file_name             text         not null,
    imported_by           text         not null,
    imported_at           timestamptz  not null
);

-- A line of a plan document: a level, an agency or a field, either for one year (new builds and
-- upgrades) or for the whole period (year null: the stated number of services).
create table plan_document_line (
    id          bigserial primary key,
    document_id bigint       not null references plan_document (id) on delete cascade,
    position    int          not null, -- row number in the imported file
    kind        varchar(8)   not null check (kind in ('LEVEL', 'AGENCY', 'FIELD')),
    level       varchar(16)  not null check (level in ('PROVINCIAL', 'DISTRICT', 'COMMUNE')),
    name        text,
    agency_code varchar(20)  references agency (code),
    year        int,
    new_builds  int,
    upgrades    int,
    services    int,
    check (kind = 'LEVEL' or name is not null)
);
create index plan_document_line_document_idx on plan_document_line (document_id, position);
