-- E-forms: the form definition of each procedure version, and the draft an administrator is editing.
-- A dossier keeps its procedure version, so the form it was filled in with stays readable.

create table form_definition (
    procedure_version_id bigint      primary key references procedure_version (id),
    definition           jsonb       not null,   -- {"fields": [...]}, see vn.dvc.form.FormDefinition
    updated_by           text        not null,   -- who last changed the definition (kept when copied forward)
    updated_at           timestamptz not null
);

-- At most one draft per procedure, shared by its administrators; saving it publishes a new version.
create table form_draft (
    procedure_code      varchar(40) primary key references procedure (code),
    definition          jsonb       not null,
    based_on_version_no int         not null,   -- the procedure version the draft started from
    revision            int         not null,   -- optimistic check between administrators
    updated_by          text        not null,
    updated_at          timestamptz not null
);
