-- Issue 4: the tamper-evident audit trail, applicants registered at the counter, the maintained refusal
-- reasons, and the index of the reception queue.

-- The audit trail. Each entry's hash is SHA-256(previous entry's hash || canonical encoding of the entry),
-- so changing, removing or reordering an entry breaks every hash after it. audit_head holds the last
-- sequence and hash; an append locks it (select ... for update) in the transaction of the action, so
-- appends are serialised, a rolled-back action leaves no entry and no hash is chained twice. Removing the
-- last entries is detected because the head no longer matches.
create table audit_head (
    id            boolean     primary key default true check (id),
    last_sequence bigint      not null,
    last_hash     char(64)    not null
);
insert into audit_head (id, last_sequence, last_hash) values (true, 0, repeat('0', 64));

create table audit_entry (
    sequence      bigint       primary key,
    occurred_at   timestamptz  not null,
    actor         varchar(100) not null,
    action        varchar(60)  not null,
    subject       varchar(100),
    agency_code   varchar(20),
    -- canonical JSON (keys sorted), exactly the text that was hashed
    details       text         not null,
    previous_hash char(64)     not null,
    hash          char(64)     not null
);
create index audit_entry_subject_idx on audit_entry (subject, sequence);

-- Append-only for everyone who goes through SQL without superuser rights to bypass triggers; the hash
-- chain catches the rest.
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end
$$;
create trigger audit_entry_no_change before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();

-- Applicants registered by a reception officer at the counter or from a postal dossier (ADR 0016): an
-- account with no usable password, claimed later through the password reset (when an e-mail address was
-- given). They have not accepted the online terms, and may have no e-mail address.
alter table applicant add column origin varchar(8) not null default 'ONLINE' check (origin in ('ONLINE', 'COUNTER'));
alter table applicant add column registered_by varchar(100);
alter table applicant alter column email drop not null;
alter table applicant alter column terms_version drop not null;
alter table applicant alter column terms_accepted_at drop not null;
alter table applicant add constraint applicant_online_complete check (origin = 'COUNTER'
    or (email is not null and terms_version is not null and terms_accepted_at is not null));

-- Refusal reasons maintained by administrators: when and by whom a reason was last changed.
alter table reception_refusal_reason add column updated_at timestamptz;
alter table reception_refusal_reason add column updated_by varchar(100);

-- The reception queue: an agency's dossiers in one status, oldest first (order by submitted_at, id).
create index dossier_queue_idx on dossier (agency_code, status, submitted_at, id);
drop index dossier_agency_status_idx;
