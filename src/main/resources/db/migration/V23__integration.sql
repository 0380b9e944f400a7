-- Events that leave the system (national portal sync, other provincial systems): recorded in the
-- transaction of the change itself (transactional outbox), then published to the message broker
-- and kept as a feed that systems read with an OAuth2 token.
create table integration_event (
    id              bigserial primary key,
    event_type      varchar(60)  not null,
    routing_key     varchar(120) not null,
    agency_code     varchar(20),
    payload         jsonb        not null,
    occurred_at     timestamptz  not null,
    recorded_at     timestamptz  not null,
    published_at    timestamptz,
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null,
    last_error      varchar(200)
);
create index integration_event_unpublished_idx on integration_event (next_attempt_at, id)
    where published_at is null;

-- The key that signs the OAuth2 access tokens of systems (client credentials). Kept here so that every
-- instance and every restart signs and checks with the same key; a new row rotates it.
create table oauth2_signing_key (
    key_id      varchar(60) primary key,
    private_key bytea       not null,
    public_key  bytea       not null,
    created_at  timestamptz not null
);
