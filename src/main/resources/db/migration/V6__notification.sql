-- Notification: the transactional outbox of e-mails. A mail is queued in the same transaction as the
-- change it reports, so it is sent if and only if that change committed; a dispatcher sends due mails
-- and retries failures with a growing delay until the SMTP server accepts them.

create table mail_outbox (
    id              bigserial primary key,
    recipient       text        not null,
    subject         text        not null,
    body            text        not null,
    created_at      timestamptz not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    sent_at         timestamptz,
    last_error      text
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where sent_at is null;
