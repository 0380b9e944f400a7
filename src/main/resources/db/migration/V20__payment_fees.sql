-- Payment, part 2: what a payment is for (the dossier's fee or an amount an officer requested), the
-- officers' requests for an additional amount (status 6), reconciliation by querydr, and the built-in
-- test gateway's own record of transactions (so it can answer querydr).

-- An officer's request for an additional amount (RULES.md §2 status 6): open until a payment settles it.
create table payment_request (
    id            bigserial    primary key,
    dossier_code  varchar(40)  not null,
    agency_code   varchar(20)  not null,
    amount_vnd    bigint       not null check (amount_vnd > 0),
    reason        text         not null,
    due_at        timestamptz  not null,
    requested_by  text         not null,
    requested_at  timestamptz  not null,
    paid_at       timestamptz
);
create index payment_request_dossier on payment_request (dossier_code);
-- At most one open request per dossier (the dossier is in status 6 while it is open).
create unique index payment_request_open on payment_request (dossier_code) where paid_at is null;

-- What a payment pays: the dossier's FEE (its procedure's fee for its channel) or a REQUESTed amount.
-- fee_items: the items paid, [{"description": .., "amountVnd": ..}], printed on the e-receipt.
alter table payment add column kind varchar(10) not null default 'FEE' check (kind in ('FEE', 'REQUESTED'));
alter table payment add column request_id bigint references payment_request (id);
alter table payment add column fee_items jsonb not null default '[]';
-- How the payment was settled: by the gateway's IPN, or by reconciliation (querydr) when no IPN came.
alter table payment add column settled_by varchar(10) check (settled_by in ('IPN', 'QUERYDR', 'EXPIRY'));
create index payment_pending_created on payment (created_at) where status = 'PENDING';

-- Audit of querydr answers next to the IPNs.
alter table payment_ipn add column source varchar(10) not null default 'IPN' check (source in ('IPN', 'QUERYDR'));

-- The built-in test gateway's memory of the transactions it decided (only used while it plays the gateway).
create table payment_sandbox_txn (
    tmn_code           varchar(20)  not null,
    txn_ref            varchar(40)  not null,
    amount             varchar(20)  not null,   -- vnp_Amount as sent (VND x 100)
    order_info         text         not null,
    transaction_no     varchar(20)  not null,
    bank_code          varchar(20)  not null,
    pay_date           varchar(14)  not null,   -- yyyyMMddHHmmss, Vietnam time
    response_code      varchar(4)   not null,
    transaction_status varchar(4)   not null,
    primary key (tmn_code, txn_ref)
);
