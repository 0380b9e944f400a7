package vn.dvc.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one-time tokens mailed as links (e-mail verification, password reset). A token is 256 random
 * bits; only its SHA-256 is stored, so a copy of the database does not give working links. A token
 * is used at most once (the update that uses it is conditional) and expires.
 */
@Repository
class AccountTokens {

    enum Purpose {
        VERIFY_EMAIL, RESET_PASSWORD
    }

    /** What a token is, as found by its hash. */
    record Token(long id, long accountId, Purpose purpose, String email, Instant expiresAt, Instant usedAt) {

        boolean usable(Instant now) {
            return usedAt == null && expiresAt.isAfter(now);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates a token for the account and answers it; the caller mails it, nobody stores it in clear. */
    String issue(long accountId, Purpose purpose, String email, Duration validity) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        jdbc.sql("""
                insert into account_token(account_id, purpose, token_hash, email, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?)
                """).params(accountId, purpose.name(), hash(token), email, Timestamp.from(now),
                Timestamp.from(now.plus(validity))).update();
        return token;
    }

    Optional<Token> find(String token, Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select id, account_id, purpose, email, expires_at, used_at from account_token
                 where token_hash = ? and purpose = ?
                """).params(hash(token.strip()), purpose.name()).query((rs, row) -> {
                    Timestamp used = rs.getTimestamp("used_at");
                    return new Token(rs.getLong("id"), rs.getLong("account_id"), Purpose.valueOf(rs.getString("purpose")),
                            rs.getString("email"), rs.getTimestamp("expires_at").toInstant(),
                            used == null ? null : used.toInstant());
                }).optional();
    }

    /** Uses the token; false when it was used (perhaps at the same moment) or expired meanwhile. */
    boolean use(Token token) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("update account_token set used_at = ? where id = ? and used_at is null and expires_at > ?")
                .params(now, token.id(), now).update() == 1;
    }

    /** Ends every still usable token of this purpose for the account (a newer one replaces them). */
    void revokeAll(long accountId, Purpose purpose) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                update account_token set expires_at = ?
                 where account_id = ? and purpose = ? and used_at is null and expires_at > ?
                """).params(now, accountId, purpose.name(), now).update();
    }

    /** How many tokens of this purpose were issued for the account since then (the mail throttle). */
    int issuedSince(long accountId, Purpose purpose, Instant since) {
        return jdbc.sql("select count(*) from account_token where account_id = ? and purpose = ? and created_at > ?")
                .params(accountId, purpose.name(), Timestamp.from(since)).query(Integer.class).single();
    }

    /** The address of the still usable e-mail verification for another address than the current one. */
    Optional<String> pendingEmailChange(long accountId, String currentEmail) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                select email from account_token
                 where account_id = ? and purpose = 'VERIFY_EMAIL' and used_at is null and expires_at > ?
                   and lower(email) <> lower(?)
                 order by created_at desc, id desc limit 1
                """).params(accountId, now, currentEmail).query(String.class).optional();
    }

    static String hash(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
