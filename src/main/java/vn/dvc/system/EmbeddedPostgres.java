package vn.dvc.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: when no external database is configured ({@code spring.datasource.url}
 * absent), a PostgreSQL server is started from binaries inside the jar, keeping its data in a folder
 * so that the system's data survives a restart. See ADR 0002.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
@ConditionalOnProperty(name = "app.embedded-db.enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedPostgres {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    static final String DATABASE = "dichvucong";

    @Bean(destroyMethod = "close")
    io.zonky.test.db.postgres.embedded.EmbeddedPostgres embeddedPostgresServer(
            @Value("${app.embedded-db.data-dir:data/postgres}") String dataDir,
            @Value("${app.embedded-db.port:0}") int port) {
        Path directory = Path.of(dataDir).toAbsolutePath();
        try {
            Files.createDirectories(directory);
            var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    // Stopped by this bean's destroy method, after everything that uses the database has
                    // closed; a JVM hook of its own would race the application's shutdown (on Ctrl+C the
                    // event publication registry found the server gone).
                    .setRegisterShutdownHook(false)
                    .setServerConfig("timezone", "Asia/Ho_Chi_Minh")
                    .setServerConfig("max_connections", "100");
            if (port > 0) {
                builder.setPort(port);
            }
            var server = builder.start();
            log.info("Embedded PostgreSQL is running on port {} with data in {}", server.getPort(), directory);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + directory, e);
        }
    }

    @Bean
    DataSource dataSource(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server,
            @Value("${spring.datasource.hikari.maximum-pool-size:16}") int poolSize) throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                var exists = statement.executeQuery(
                        "select 1 from pg_database where datname = '" + DATABASE + "'")) {
            if (!exists.next()) {
                statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
            }
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.getJdbcUrl("postgres", DATABASE));
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("embedded");
        return new HikariDataSource(config);
    }
}
