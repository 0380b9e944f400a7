-- Applicant accounts (issue 3): who stands behind an APPLICANT account (a citizen or an organisation),
-- the one-time tokens of e-mail verification and password reset, and an audit of changes to the
-- profile that names the fields changed, never their values.

create table applicant (
    account_id                bigint       primary key references account (id) on delete cascade,
    kind                      varchar(12)  not null check (kind in ('CITIZEN', 'ORGANISATION')),
    -- the citizen's name; for an organisation, its name (also in organisation_name)
    full_name                 text         not null,
    citizen_id                char(12),
    date_of_birth             date,
    sex                       varchar(6)   check (sex in ('MALE', 'FEMALE')),
    organisation_name         text,
    tax_code                  varchar(14),
    representative_name       text,
    representative_citizen_id char(12),
    representative_position   text,
    -- the address mails go to and one of the sign-in names; account.email carries the same value
    email                     text         not null,
    email_verified_at         timestamptz,
    phone                     varchar(12)  not null,
    address                   text         not null,
    terms_version             varchar(20)  not null,
    terms_accepted_at         timestamptz  not null,
    registered_at             timestamptz  not null,
    updated_at                timestamptz  not null,
    constraint applicant_citizen_complete check (kind <> 'CITIZEN'
        or (citizen_id is not null and date_of_birth is not null and sex is not null)),
    constraint applicant_organisation_complete check (kind <> 'ORGANISATION'
        or (organisation_name is not null and tax_code is not null and representative_name is not null
            and representative_citizen_id is not null and representative_position is not null))
);
-- One account per e-mail address, per citizen identity number and per tax code. A person may be the
-- legal representative of several organisations, so representative_citizen_id is not unique.
create unique index applicant_email_uq on applicant (lower(email));
create unique index applicant_citizen_id_uq on applicant (citizen_id) where kind = 'CITIZEN';
create unique index applicant_tax_code_uq on applicant (tax_code) where kind = 'ORGANISATION';

-- Tokens mailed as links. Only their SHA-256 is stored; a token is used once and expires.
create table account_token (
    id         bigserial   primary key,
    account_id bigint      not null references account (id) on delete cascade,
    purpose    varchar(16) not null check (purpose in ('VERIFY_EMAIL', 'RESET_PASSWORD')),
    token_hash char(64)    not null unique,
    -- the address the link was sent to: for VERIFY_EMAIL, the address it verifies (a new one on a change)
    email      text        not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index account_token_account_idx on account_token (account_id, purpose, created_at);

-- Who changed what in an applicant's account, and when: field names only.
create table applicant_change (
    id         bigserial    primary key,
    account_id bigint       not null references account (id) on delete cascade,
    action     varchar(24)  not null,
    fields     text[]       not null default '{}',
    actor      varchar(100) not null,
    changed_at timestamptz  not null
);
create index applicant_change_account_idx on applicant_change (account_id, changed_at);
