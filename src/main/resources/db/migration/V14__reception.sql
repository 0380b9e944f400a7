-- Reception: the reception officer receives or refuses dossiers and issues the forms of Circular
-- 01/2018 (01 receipt and appointment slip, 03 refusal).

-- The reasons an officer may give for refusing a dossier (form 03), maintained here.
create table reception_refusal_reason (
    code     varchar(40) primary key,
    label    text        not null,
    position int         not null,
    active   boolean     not null default true
);
insert into reception_refusal_reason (code, label, position) values
    ('NOT_COMPETENT', 'Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan', 1),
    ('NOT_ELIGIBLE', 'Không đủ điều kiện giải quyết theo quy định của pháp luật', 2),
    ('INVALID_CONTENT', 'Nội dung kê khai trong hồ sơ không đúng quy định', 3),
    ('FORGED_DOCUMENTS', 'Giấy tờ trong hồ sơ có dấu hiệu giả mạo', 4),
    ('DUPLICATE', 'Hồ sơ trùng với hồ sơ đã nộp và đang được giải quyết', 5),
    ('OTHER', 'Lý do khác', 6);

-- The last receipt number given per agency and year (the serial number in the tracking book, form 06).
create table reception_receipt_sequence (
    agency_code varchar(20) not null,
    year        int         not null,
    last_value  int         not null,
    primary key (agency_code, year)
);

-- The receipt and appointment slip (form 01) of a received dossier.
create table reception_receipt (
    dossier_id     bigint       primary key references dossier (id),
    agency_code    varchar(20)  not null,
    year           int          not null,
    number         int          not null,
    received_at    timestamptz  not null,
    due_at         timestamptz  not null,
    officer        varchar(100) not null,
    officer_name   text         not null,
    unique (agency_code, year, number)
);

-- Why a dossier was refused (form 03).
create table reception_refusal (
    dossier_id  bigint       primary key references dossier (id),
    reason_code varchar(40)  not null references reception_refusal_reason (code),
    text        text,
    refused_at  timestamptz  not null,
    officer     varchar(100) not null
);
