-- Electronic results (Decree 45/2020, art. 14(3)): signed PDFs identified <dossier code>-KQ<n>.

-- The last result number given per dossier (n in -KQ<n>), taken by an upsert in the issuing transaction.
create table electronic_result_sequence (
    dossier_id bigint primary key references dossier (id),
    last_value int    not null
);

-- One issued result: the signed file is a document (document module); its SHA-256 identifies it.
create table electronic_result (
    result_code               varchar(60)  primary key,
    dossier_id                bigint       not null references dossier (id),
    dossier_code              varchar(40)  not null,
    number                    int          not null,
    agency_code               varchar(20)  not null,
    agency_name               text         not null,
    procedure_name            text         not null,
    signer_subject            text         not null,
    signer_certificate_sha256 char(64)     not null,
    document_id               uuid         not null,
    file_sha256               char(64)     not null,
    size_bytes                bigint       not null,
    generated                 boolean      not null,
    issued_by                 varchar(100) not null,
    signed_at                 timestamptz  not null,
    unique (dossier_id, number)
);
create index electronic_result_sha256_idx on electronic_result (file_sha256);
create index electronic_result_certificate_idx on electronic_result (signer_certificate_sha256);
