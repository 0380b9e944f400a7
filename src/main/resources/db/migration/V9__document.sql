-- Documents: files stored after their checks (type from content, size, virus scan). The bytes live in
-- the blob store (local disk by default) under storage_key; this row says what they are and their
-- SHA-256, checked on every read. Which dossier a document belongs to is recorded by the dossier module.

create table document (
    id          uuid         primary key,
    file_name   text         not null check (length(file_name) between 1 and 255),  -- sanitised, NFC
    media_type  varchar(100) not null,                                               -- detected from content
    size_bytes  bigint       not null check (size_bytes > 0),
    sha256      char(64)     not null check (sha256 ~ '^[0-9a-f]{64}$'),
    storage_key varchar(100) not null unique,                                        -- made by the server
    stored_at   timestamptz  not null
);

-- for a future sweep of documents no dossier references (see docs/architecture.md)
create index document_stored_at on document (stored_at);
