-- Organisation: administrative units and agencies, effective-dated so that renames, mergers and
-- dissolutions (such as Vietnam's reorganisation of 1 July 2025) keep their history.

-- An administrative unit as it was during [valid_from, valid_to). GSO codes are reused over time
-- (52 was Bình Định until 2025 and is the new Gia Lai since), so a code alone is not a key.
create table administrative_unit (
    id          bigserial primary key,
    code        varchar(10)  not null,
    name        text         not null,
    unit_type   text         not null,           -- tỉnh, thành phố, thị xã, huyện, phường, xã, thị trấn
    level       varchar(16)  not null check (level in ('PROVINCE', 'DISTRICT', 'COMMUNE')),
    parent_code varchar(10),
    valid_from  date         not null,
    valid_to    date,                            -- exclusive; null while in force
    source      text,
    check (valid_to is null or valid_to > valid_from),
    unique (code, valid_from)
);
create index administrative_unit_code_idx on administrative_unit (code);
create index administrative_unit_parent_idx on administrative_unit (parent_code);

-- Which earlier units a unit was formed from (whole, or in part when a unit was split).
create table administrative_unit_lineage (
    successor_id   bigint  not null references administrative_unit (id),
    predecessor_id bigint  not null references administrative_unit (id),
    partial        boolean not null default false,
    primary key (successor_id, predecessor_id)
);

-- An agency (cơ quan, đơn vị). Its code follows QCVN 102:2016 (VVV.ZZ.YY.H21 for Gia Lai) and is
-- never reused. When it is merged into another, successor_code points at the agency that took over.
create table agency (
    id             bigserial primary key,
    code           varchar(20)  not null unique check (code ~ '^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$'),
    level          varchar(16)  not null check (level in ('PROVINCIAL', 'DISTRICT', 'COMMUNE')),
    parent_code    varchar(20)  references agency (code),
    unit_code      varchar(10),                  -- the administrative unit it governs, if any
    address        text,
    phone          text,
    email          text,
    website        text,
    valid_from     date         not null,
    valid_to       date,
    successor_code varchar(20)  references agency (code),
    demo           boolean      not null default false, -- code or details invented for the demo
    version        bigint       not null default 0,
    check (valid_to is null or valid_to > valid_from)
);
create index agency_parent_idx on agency (parent_code);
create index agency_level_idx on agency (level) where valid_to is null;

-- The agency's names over time: a rename closes one row and opens the next.
create table agency_name (
    agency_id  bigint not null references agency (id),
    name       text   not null,
    short_name text,
    valid_from date   not null,
    valid_to   date,
    primary key (agency_id, valid_from),
    check (valid_to is null or valid_to > valid_from)
);
create unique index agency_name_current_idx on agency_name (agency_id) where valid_to is null;

-- What happened to the organisation, and who did it.
create table agency_change (
    id          bigserial primary key,
    agency_code varchar(20) not null references agency (code),
    kind        varchar(16) not null check (kind in ('CREATED', 'RENAMED', 'UPDATED', 'MERGED', 'DISSOLVED')),
    effective   date        not null,
    detail      text        not null,
    actor       text        not null,
    recorded_at timestamptz not null default now()
);
create index agency_change_agency_idx on agency_change (agency_code, recorded_at);
