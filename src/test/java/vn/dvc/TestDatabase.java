package vn.dvc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.SpringApplication;

/**
 * One fresh PostgreSQL database per test run, on the server the environment names
 * ({@code TEST_PG_HOST}, {@code TEST_PG_PORT}, {@code TEST_PG_USER}, {@code TEST_PG_PASSWORD}; default
 * the local server, user postgres). Dropped when the run ends.
 */
public final class TestDatabase {

    private static final String HOST = env("TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("TEST_PG_PORT", "5432");
    public static final String USER = env("TEST_PG_USER", "postgres");
    public static final String PASSWORD = env("TEST_PG_PASSWORD", "");
    public static final String NAME = "dvc_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
            .toLowerCase(Locale.ROOT);
    public static final String URL = "jdbc:postgresql://" + HOST + ":" + PORT + "/" + NAME;

    /** Set once an application context uses the database: Spring Boot's shutdown hook then drops it. */
    private static final AtomicBoolean DROPPED_AFTER_CONTEXTS = new AtomicBoolean();
    private static final java.util.Set<String> SIBLINGS = new java.util.HashSet<>();

    static {
        admin("create database " + NAME + " encoding 'UTF8' template template0");
        // JVM shutdown hooks run concurrently: dropping here while an application context is still
        // closing would cut its connections and leave it waiting for one (30 s per test JVM).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!DROPPED_AFTER_CONTEXTS.get()) {
                drop();
            }
        }));
    }

    private TestDatabase() {
    }

    /** Forces the static initialiser: the database exists once this returns. */
    public static String url() {
        return URL;
    }

    /**
     * Drops the database once every application context has closed (Spring Boot runs its shutdown
     * handlers after closing the contexts), instead of in a JVM hook of its own.
     */
    static void dropAfterApplicationContexts() {
        if (DROPPED_AFTER_CONTEXTS.compareAndSet(false, true)) {
            SpringApplication.getShutdownHandlers().add(TestDatabase::drop);
        }
    }

    /**
     * Another fresh database of this run ({@code <name>_<suffix>}), for a test whose data must not reach the
     * others' (the demo history); dropped, like the first, after the application contexts close.
     */
    public static synchronized String sibling(String suffix) {
        String name = NAME + "_" + suffix;
        if (SIBLINGS.add(name)) {
            admin("create database " + name + " encoding 'UTF8' template template0");
            SpringApplication.getShutdownHandlers().add(() -> dropQuietly(name));
        }
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
    }

    private static void dropQuietly(String name) {
        try {
            admin("drop database if exists " + name + " with (force)");
        } catch (RuntimeException ignored) {
            // the server may already be gone; the name is unique anyway
        }
    }

    private static void drop() {
        dropQuietly(NAME);
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER,
                PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the test PostgreSQL at " + HOST + ":" + PORT
                    + " as " + USER + " (set TEST_PG_HOST/PORT/USER/PASSWORD)", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
