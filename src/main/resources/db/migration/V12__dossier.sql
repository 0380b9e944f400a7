-- Dossier: what an applicant submits, its lifecycle (national statuses 1..10 of RULES.md §2), its
-- documents and its timeline. Codes follow Circular 01/2018 art. 19: <agency>-YYMMDD-NNNN.

-- The last sequence number given per receiving agency and day of receipt. Taking a number updates the
-- row inside the submitting transaction, so concurrent submissions queue on it and a rolled-back
-- submission gives its number back: numbers are unique and consecutive.
create table dossier_sequence (
    agency_code  varchar(20) not null,
    receipt_date date        not null,
    last_value   int         not null,
    primary key (agency_code, receipt_date)
);

create table dossier (
    id                   bigserial primary key,
    code                 varchar(40)  not null unique
                         check (code ~ '^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}$'),
    procedure_version_id bigint       not null references procedure_version (id),
    procedure_code       varchar(40)  not null,
    procedure_name       text         not null,
    agency_code          varchar(20)  not null references agency (code),
    applicant_id         bigint       not null references account (id),
    -- Submitted on behalf of someone else by an authorised representative (the account holder).
    on_behalf            boolean      not null default false,
    represented_name     text,
    represented_id       varchar(20),
    authorisation_note   text,
    channel              varchar(10)  not null check (channel in ('ONLINE', 'DIRECT', 'POSTAL')),
    status               smallint     not null check (status between 1 and 10),
    case_index           int          not null default 0,
    form                 jsonb        not null,
    submitted_at         timestamptz  not null,
    received_at          timestamptz,
    due_at               timestamptz,
    finished_at          timestamptz,
    returned_at          timestamptz,
    idempotency_key      varchar(100),
    row_version          int          not null default 0,
    unique (applicant_id, idempotency_key)
);
create index dossier_applicant_idx on dossier (applicant_id, submitted_at desc);
create index dossier_agency_status_idx on dossier (agency_code, status, submitted_at);

-- A document of a dossier: the applicant's attachments per component, supplements, results.
create table dossier_document (
    id              bigserial primary key,
    dossier_id      bigint      not null references dossier (id),
    document_id     uuid        not null,
    component_index int,
    component_name  text        not null,
    kind            varchar(12) not null check (kind in ('ATTACHMENT', 'SUPPLEMENT', 'RESULT')),
    supplement_id   bigint,
    added_at        timestamptz not null
);
create index dossier_document_dossier_idx on dossier_document (dossier_id);

-- The timeline: every status change and message, in order.
create table dossier_event (
    id          bigserial primary key,
    dossier_id  bigint      not null references dossier (id),
    occurred_at timestamptz not null,
    actor       varchar(100) not null,
    kind        varchar(40) not null,
    from_status smallint,
    to_status   smallint,
    message     text
);
create index dossier_event_dossier_idx on dossier_event (dossier_id, id);

-- A request to supplement (Circular 01/2018 form 02): every missing item in one request.
create table dossier_supplement (
    id           bigserial primary key,
    dossier_id   bigint      not null references dossier (id),
    requested_at timestamptz not null,
    requested_by varchar(100) not null,
    items        jsonb       not null,
    reason       text        not null,
    before_status smallint   not null,
    answered_at  timestamptz,
    answer_note  text
);
create index dossier_supplement_dossier_idx on dossier_supplement (dossier_id);

-- Drafts: an applicant's unfinished submission, saved automatically, resumable on any device.
create table dossier_draft (
    id                   uuid primary key,
    applicant_id         bigint      not null references account (id),
    procedure_code       varchar(40) not null,
    procedure_version_id bigint      not null references procedure_version (id),
    agency_code          varchar(20) references agency (code),
    case_index           int         not null default 0,
    form                 jsonb       not null default '{}',
    on_behalf            boolean     not null default false,
    represented_name     text,
    represented_id       varchar(20),
    authorisation_note   text,
    row_version          int         not null default 0,
    created_at           timestamptz not null,
    updated_at           timestamptz not null
);
create index dossier_draft_applicant_idx on dossier_draft (applicant_id, updated_at desc);

create table dossier_draft_document (
    draft_id        uuid        not null references dossier_draft (id) on delete cascade,
    document_id     uuid        not null,
    component_index int         not null,
    component_name  text        not null,
    added_at        timestamptz not null,
    primary key (draft_id, document_id)
);
