-- Deadlines and the end of the chain: warnings before a dossier is due, the apology and new appointment
-- (Circular 01/2018 form 04), and how a result was returned (online, at the counter, by post).

-- One warning per dossier and due time: the officers were mailed that it is due soon.
create table deadline_warning (
    dossier_id bigint      not null references dossier (id),
    due_at     timestamptz not null,
    warned_at  timestamptz not null,
    recipients int         not null,
    primary key (dossier_id, due_at)
);

-- The apology and new appointment (form 04): at most one per dossier. The dossier keeps its original
-- due date (dossier.due_at), against which statistics count lateness; new_due_at is the new appointment.
create table deadline_apology (
    dossier_id      bigint       primary key references dossier (id),
    agency_code     varchar(20)  not null,
    reason          text         not null,
    original_due_at timestamptz  not null,
    new_due_at      timestamptz  not null check (new_due_at > original_due_at),
    issued_at       timestamptz  not null,
    officer         varchar(100) not null,
    officer_name    text         not null
);

-- How the result was returned (status 9 to 10). By post: the address, the postal tracking number and the
-- delivery status, which the reception officer updates as the post reports it.
create table deadline_delivery (
    dossier_id      bigint       primary key references dossier (id),
    agency_code     varchar(20)  not null,
    method          varchar(10)  not null check (method in ('ONLINE', 'COUNTER', 'POST')),
    address         text,
    tracking_number varchar(40),
    postal_status   varchar(20)  check (postal_status in ('SENT', 'DELIVERED', 'RETURNED_TO_SENDER')),
    returned_at     timestamptz  not null,
    officer         varchar(100) not null,
    status_updated_at timestamptz,
    check ((method = 'POST') = (address is not null and tracking_number is not null and postal_status is not null))
);
create index deadline_delivery_tracking_idx on deadline_delivery (tracking_number) where tracking_number is not null;
