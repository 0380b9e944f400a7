-- Working-day calendar (RULES.md §3). The public holidays and their compensation days are computed;
-- what the government announces each year is data: ranges of days off (for named holidays, replacing
-- their computed days in that year) and weekly rest days worked in exchange (làm bù).

create table calendar_announcement (
    id          bigserial    primary key,
    kind        varchar(16)  not null check (kind in ('DAYS_OFF', 'WORKING_DAY')),
    -- the holidays a range is for (NEW_YEAR, LUNAR_NEW_YEAR, HUNG_KINGS, VICTORY_DAY, LABOUR_DAY,
    -- NATIONAL_DAY, OTHER); empty for a working day
    holidays    text[]       not null default '{}',
    first_day   date         not null,
    last_day    date         not null,
    reason      text         not null check (length(reason) between 1 and 200),
    source      text,                            -- the announcement, when known
    recorded_by text         not null,
    recorded_at timestamptz  not null,
    check (last_day >= first_day and last_day - first_day < 15),
    check ((kind = 'DAYS_OFF' and cardinality(holidays) > 0)
        or (kind = 'WORKING_DAY' and first_day = last_day and cardinality(holidays) = 0))
);
create index calendar_announcement_days_idx on calendar_announcement (first_day, last_day);
create unique index calendar_working_day_idx on calendar_announcement (first_day) where kind = 'WORKING_DAY';

-- An agency whose working hours differ from the default (app.calendar.morning / afternoon).
create table agency_working_hours (
    agency_code     varchar(20) primary key references agency (code),
    morning_start   time        not null,
    morning_end     time        not null,
    afternoon_start time        not null,
    afternoon_end   time        not null,
    recorded_by     text        not null,
    recorded_at     timestamptz not null,
    check (morning_start < morning_end and morning_end <= afternoon_start and afternoon_start < afternoon_end)
);

-- Who changed the calendar, when, and what.
create table calendar_change (
    id          bigserial   primary key,
    action      varchar(24) not null check (action in ('DAYS_OFF_ADDED', 'DAYS_OFF_REMOVED', 'WORKING_DAY_ADDED',
                                                       'WORKING_DAY_REMOVED', 'HOURS_SET', 'HOURS_REMOVED')),
    first_day   date,
    last_day    date,
    agency_code varchar(20),
    detail      text        not null,
    actor       text        not null,
    recorded_at timestamptz not null
);
create index calendar_change_recorded_idx on calendar_change (recorded_at desc);

-- The official schedules of RULES.md §3 (real data). Years and holidays not listed here are computed.
insert into calendar_announcement (kind, holidays, first_day, last_day, reason, source, recorded_by, recorded_at)
values
    ('DAYS_OFF', '{LUNAR_NEW_YEAR}', '2020-01-23', '2020-01-29', 'Tết Âm lịch Canh Tý',
     'Lịch nghỉ chính thức năm 2020', 'migration', now()),
    ('DAYS_OFF', '{LUNAR_NEW_YEAR}', '2021-02-10', '2021-02-16', 'Tết Âm lịch Tân Sửu',
     'Lịch nghỉ chính thức năm 2021', 'migration', now()),
    ('DAYS_OFF', '{HUNG_KINGS}', '2021-04-21', '2021-04-21', 'Giỗ Tổ Hùng Vương',
     'Lịch nghỉ chính thức năm 2021', 'migration', now()),
    ('DAYS_OFF', '{NATIONAL_DAY}', '2021-09-02', '2021-09-03', 'Quốc khánh',
     'Lịch nghỉ chính thức năm 2021', 'migration', now()),
    ('DAYS_OFF', '{LUNAR_NEW_YEAR}', '2024-02-08', '2024-02-14', 'Tết Âm lịch Giáp Thìn',
     'Lịch nghỉ chính thức năm 2024', 'migration', now()),
    ('DAYS_OFF', '{VICTORY_DAY,LABOUR_DAY}', '2024-04-27', '2024-05-01',
     'Ngày Chiến thắng và Ngày Quốc tế Lao động (hoán đổi thứ Hai 29/4)',
     'Lịch nghỉ chính thức năm 2024', 'migration', now()),
    ('DAYS_OFF', '{NATIONAL_DAY}', '2024-08-31', '2024-09-03', 'Quốc khánh',
     'Lịch nghỉ chính thức năm 2024', 'migration', now()),
    ('DAYS_OFF', '{LUNAR_NEW_YEAR}', '2025-01-25', '2025-02-02', 'Tết Âm lịch Ất Tỵ',
     'Lịch nghỉ chính thức năm 2025', 'migration', now()),
    ('DAYS_OFF', '{HUNG_KINGS}', '2025-04-07', '2025-04-07', 'Giỗ Tổ Hùng Vương',
     'Lịch nghỉ chính thức năm 2025', 'migration', now()),
    ('DAYS_OFF', '{VICTORY_DAY,LABOUR_DAY}', '2025-04-30', '2025-05-04',
     'Ngày Chiến thắng và Ngày Quốc tế Lao động (hoán đổi thứ Sáu 2/5)',
     'Lịch nghỉ chính thức năm 2025', 'migration', now()),
    ('DAYS_OFF', '{NATIONAL_DAY}', '2025-08-30', '2025-09-02', 'Quốc khánh',
     'Lịch nghỉ chính thức năm 2025', 'migration', now()),
    ('DAYS_OFF', '{LUNAR_NEW_YEAR}', '2026-02-14', '2026-02-22', 'Tết Âm lịch Bính Ngọ',
     'Lịch nghỉ chính thức năm 2026', 'migration', now()),
    ('WORKING_DAY', '{}', '2024-05-04', '2024-05-04', 'Làm bù cho thứ Hai 29/4/2024',
     'Lịch nghỉ chính thức năm 2024', 'migration', now()),
    ('WORKING_DAY', '{}', '2025-04-26', '2025-04-26', 'Làm bù cho thứ Sáu 2/5/2025',
     'Lịch nghỉ chính thức năm 2025', 'migration', now());
