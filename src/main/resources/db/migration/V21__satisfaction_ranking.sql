-- Satisfaction: the applicant's one rating of how a dossier was handled, after the result was delivered
-- (status 10): a satisfaction level, an optional comment and the nine evaluation indicators of Circular
-- 01/2018/TT-VPCP as RULES.md §5 lists them, each scored 0-2 or left out (null) when it does not apply.
-- One row per dossier (the primary key makes "only once" hold under concurrent posts). The agency and
-- procedure are copied from the dossier so that the figures per agency and procedure read this table alone.
create table satisfaction_rating (
    dossier_code       varchar(40)  primary key references dossier (code),
    agency_code        varchar(20)  not null references agency (code),
    procedure_code     varchar(40)  not null,
    procedure_name     text         not null,
    applicant_id       bigint       not null references account (id),
    rating             varchar(16)  not null check (rating in ('NOT_SATISFIED', 'SATISFIED', 'VERY_SATISFIED')),
    comment            text         check (char_length(comment) <= 1000),
    total_time         smallint     check (total_time between 0 and 2),
    agency_time        smallint     check (agency_time between 0 and 2),
    contacts           smallint     check (contacts between 0 and 2),
    agencies_contacted smallint     check (agencies_contacted between 0 and 2),
    counter_reception  smallint     check (counter_reception between 0 and 2),
    disclosure         smallint     check (disclosure between 0 and 2),
    staff_attitude     smallint     check (staff_attitude between 0 and 2),
    feedback_handling  smallint     check (feedback_handling between 0 and 2),
    online_service     smallint     check (online_service between 0 and 2),
    rated_at           timestamptz  not null
);
create index satisfaction_rating_agency_idx on satisfaction_rating (agency_code, rated_at);
create index satisfaction_rating_rated_idx on satisfaction_rating (rated_at);
