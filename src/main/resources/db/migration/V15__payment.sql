-- Payment: online payment of a dossier's fees through VNPay's protocol (RULES.md §8). Only the IPN
-- (the gateway's server-to-server callback) changes a payment's status; every IPN is audited.

-- Merchant accounts per receiving agency; an agency without a row uses the global settings
-- (payment.vnpay.tmn-code / hash-secret), whose secret is never stored here.
create table payment_merchant (
    agency_code varchar(20)  primary key references agency (code),
    tmn_code    varchar(20)  not null unique,
    hash_secret varchar(100) not null
);

-- Order references (vnp_TxnRef) are <yyMMdd><8 digits of this sequence>: unique, hence unique per day.
create sequence payment_order_seq;

create table payment (
    id                 bigserial    primary key,
    order_ref          varchar(40)  not null unique,
    dossier_code       varchar(40)  not null,
    agency_code        varchar(20)  not null,
    tmn_code           varchar(20)  not null,
    amount_vnd         bigint       not null check (amount_vnd > 0),
    purpose            text         not null,
    status             varchar(10)  not null check (status in ('PENDING', 'PAID', 'FAILED', 'CANCELLED', 'EXPIRED')),
    gateway_txn_no     varchar(40),
    bank_code          varchar(20),
    response_code      varchar(4),
    paid_at            timestamptz,
    -- The vnp_ parameters of the IPN that settled the payment (VNPay sends no card data).
    ipn_params         jsonb,
    expires_at         timestamptz  not null,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null
);
create index payment_dossier on payment (dossier_code);
create index payment_pending on payment (expires_at) where status = 'PENDING';

-- Every IPN received, accepted or refused, with the answer given.
create table payment_ipn (
    id           bigserial   primary key,
    received_at  timestamptz not null,
    order_ref    varchar(40),
    rsp_code     varchar(2)  not null,
    params       jsonb       not null
);
create index payment_ipn_order on payment_ipn (order_ref);
