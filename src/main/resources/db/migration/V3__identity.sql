-- Identity: accounts and their roles. Officers are bound to exactly one agency.

create table account (
    id              bigserial primary key,
    username        varchar(100) not null unique,
    password_hash   text         not null,
    full_name       text         not null,
    email           text,
    agency_code     varchar(20)  references agency (code),
    enabled         boolean      not null default true,
    failed_attempts int          not null default 0,
    locked_until    timestamptz,
    demo            boolean      not null default false,
    created_at      timestamptz  not null default now()
);

create table account_role (
    account_id bigint      not null references account (id) on delete cascade,
    role       varchar(32) not null check (role in ('APPLICANT', 'RECEPTION_OFFICER', 'SPECIALIST', 'LEADER',
                                                    'AGENCY_ADMIN', 'PROVINCIAL_COORDINATOR', 'SYSTEM_ADMIN')),
    primary key (account_id, role)
);

-- Who signed in, and failed attempts, for the audit and the login throttle (no passwords, ever).
create table login_event (
    id          bigserial primary key,
    username    varchar(100) not null,
    succeeded   boolean      not null,
    remote_addr text,
    occurred_at timestamptz  not null default now()
);
create index login_event_username_idx on login_event (username, occurred_at);
