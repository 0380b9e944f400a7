-- Catalogue: administrative procedures as in the national procedure database, versioned.
-- A procedure keeps its code; every edit adds a version, and dossiers record the version they used.

create table procedure (
    id         bigserial primary key,
    code       varchar(40) not null unique,      -- national code d.dddddd, optionally with an agency suffix
    created_at timestamptz not null
);

create table procedure_version (
    id                 bigserial primary key,
    procedure_id       bigint       not null references procedure (id),
    version_no         int          not null,
    is_current         boolean      not null,
    name               text         not null,
    field              text         not null,   -- lĩnh vực
    lead_agency_code   varchar(20)  references agency (code),
    agency_levels      varchar(16)[] not null,  -- levels at which it is implemented (for the level filter)
    service_level      smallint     not null check (service_level between 1 and 4),
    online_mode        varchar(8)   not null check (online_mode in ('FULL', 'PARTIAL', 'NONE')),
    centrally_provided boolean      not null default false,
    channels           jsonb        not null,   -- per channel: processing time with its unit, fees
    components         jsonb        not null,   -- dossier components per case
    steps              text,
    applicants         text,
    results            text,
    legal_basis        text,
    conditions         text,
    source_url         text,
    demo_note          text,                    -- says what was invented for the demo, if anything
    search_text        text         not null,   -- code, name and field folded (no case, no diacritics)
    created_at         timestamptz  not null,
    created_by         text         not null,
    change_note        text,
    unique (procedure_id, version_no)
);
create unique index procedure_version_current_idx on procedure_version (procedure_id) where is_current;
create index procedure_version_search_idx on procedure_version using gin (search_text gin_trgm_ops) where is_current;
create index procedure_version_sort_idx on procedure_version ((search_text collate "C")) where is_current;
create index procedure_version_lead_agency_idx on procedure_version (lead_agency_code) where is_current;
create index procedure_version_field_idx on procedure_version (field) where is_current;

-- Who implements a version: a specific agency, or (agency_code null) every agency of a level.
create table procedure_implementation (
    procedure_version_id bigint      not null references procedure_version (id),
    agency_level         varchar(16) not null check (agency_level in ('PROVINCIAL', 'DISTRICT', 'COMMUNE')),
    agency_code          varchar(20) references agency (code)
);
create unique index procedure_implementation_uniq
    on procedure_implementation (procedure_version_id, agency_level, coalesce(agency_code, ''));
create index procedure_implementation_agency_idx on procedure_implementation (agency_code, procedure_version_id);
create index procedure_implementation_level_idx
    on procedure_implementation (agency_level, procedure_version_id) where agency_code is null;

-- Official forms (mẫu đơn, tờ khai) applicants download; referenced from components by id.
create table form_template (
    id           bigserial primary key,
    procedure_id bigint       not null references procedure (id),
    file_name    text         not null,
    content_type text         not null,
    content      bytea        not null,
    sha256       char(64)     not null,
    uploaded_at  timestamptz  not null,
    uploaded_by  text         not null
);
create index form_template_procedure_idx on form_template (procedure_id);

-- Imports of procedure files: progress and the row-by-row report survive the request.
create table catalogue_import (
    id             uuid primary key,
    file_name      text        not null,
    format         varchar(8)  not null,
    status         varchar(16) not null check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    total_rows     int         not null default 0,
    processed_rows int         not null default 0,
    created_count  int         not null default 0,
    updated_count  int         not null default 0,
    unchanged_count int        not null default 0,
    errors         jsonb       not null default '[]',
    started_by     text        not null,
    started_at     timestamptz not null,
    finished_at    timestamptz
);
