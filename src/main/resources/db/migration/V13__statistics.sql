-- Statistics: the public processing figures of report form II.06a (RULES.md §4), as a read model fed by
-- the dossier events and rebuilt from the dossier table on demand (docs/architecture.md "Statistics").
-- Days are Vietnam dates.

-- What the counters hold for each counted dossier (received, not refused or withdrawn): an incremental
-- update takes the dossier's old contribution away and adds the new one.
create table statistics_dossier (
    dossier_code   varchar(40) primary key,
    agency_code    varchar(20) not null,
    procedure_code varchar(40) not null,
    online         boolean     not null,
    received_on    date        not null,
    due_on         date,
    finished_on    date,
    check (due_on is null or due_on >= received_on),
    check (finished_on is null or finished_on >= received_on)
);

-- Counters per agency, procedure and day:
--   received_online / received_offline: dossiers received that day (offline = direct or by post);
--   resolved_early / resolved_on_time / resolved_late: dossiers finished that day, by their due day;
--   due: received dossiers due that day; due_after_resolved: of those, the ones finished before that day.
-- Together they give, for any day, the dossiers open at its start and the open ones already overdue.
create table statistics_day (
    agency_code        varchar(20) not null,
    procedure_code     varchar(40) not null,
    day                date        not null,
    received_online    int         not null default 0,
    received_offline   int         not null default 0,
    resolved_early     int         not null default 0,
    resolved_on_time   int         not null default 0,
    resolved_late      int         not null default 0,
    due                int         not null default 0,
    due_after_resolved int         not null default 0,
    primary key (agency_code, day, procedure_code)
);
create index statistics_day_day_idx on statistics_day (day);

-- The same counters summed per month (month = its first day): a year is 12 rows per agency and procedure.
create table statistics_month (
    agency_code        varchar(20) not null,
    procedure_code     varchar(40) not null,
    month              date        not null check (extract(day from month) = 1),
    received_online    int         not null default 0,
    received_offline   int         not null default 0,
    resolved_early     int         not null default 0,
    resolved_on_time   int         not null default 0,
    resolved_late      int         not null default 0,
    due                int         not null default 0,
    due_after_resolved int         not null default 0,
    primary key (agency_code, month, procedure_code)
);
create index statistics_month_month_idx on statistics_month (month);

-- The same counters per agency and month over all procedures: what the province and agency figures read
-- (a year of the province is 12 rows per agency, whatever the number of procedures and dossiers).
create table statistics_agency_month (
    agency_code        varchar(20) not null,
    month              date        not null check (extract(day from month) = 1),
    received_online    int         not null default 0,
    received_offline   int         not null default 0,
    resolved_early     int         not null default 0,
    resolved_on_time   int         not null default 0,
    resolved_late      int         not null default 0,
    due                int         not null default 0,
    due_after_resolved int         not null default 0,
    primary key (agency_code, month)
);
create index statistics_agency_month_month_idx on statistics_agency_month (month);
