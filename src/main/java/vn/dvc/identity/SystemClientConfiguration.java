package vn.dvc.identity;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * OAuth2 for systems (the national portal sync, a mobile back end): the client-credentials grant at
 * {@code POST /oauth2/token}, JWT access tokens signed with a key kept in the database (the same on
 * every instance and after a restart), and the clients of {@code app.oauth2.clients.<id>} with their
 * secret (from configuration only; stored here only as a hash) and scopes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SystemClientConfiguration.SystemClients.class)
class SystemClientConfiguration {

    /** The systems allowed to ask for a token. */
    @ConfigurationProperties("app.oauth2")
    record SystemClients(Map<String, Client> clients) {

        SystemClients {
            clients = clients == null ? Map.of() : clients;
        }

        record Client(String secret, Set<String> scopes, Duration tokenLifetime) {
        }
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, RegisteredClientRepository clients) throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, configurer -> configurer.registeredClientRepository(clients))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()));
        return http.build();
    }

    @Bean
    RegisteredClientRepository registeredClients(SystemClients properties, PasswordEncoder encoder) {
        List<RegisteredClient> clients = new ArrayList<>();
        properties.clients().forEach((id, client) -> {
            if (client.secret() == null || client.secret().length() < 16) {
                throw new IllegalStateException("app.oauth2.clients." + id + ".secret must have at least 16 characters");
            }
            clients.add(RegisteredClient.withId(id)
                    .clientId(id)
                    .clientSecret(encoder.encode(client.secret()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scopes(scopes -> scopes.addAll(client.scopes() == null ? Set.of() : client.scopes()))
                    .tokenSettings(TokenSettings.builder()
                            .accessTokenTimeToLive(client.tokenLifetime() == null
                                    ? Duration.ofMinutes(30) : client.tokenLifetime())
                            .build())
                    .build());
        });
        if (clients.isEmpty()) {
            // The repository needs at least one client; this one can never authenticate (no secret matches).
            clients.add(RegisteredClient.withId("none").clientId("none").clientSecret("{noop}" + UUID.randomUUID())
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC).build());
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(@Value("${app.public-url}") String publicUrl) {
        return AuthorizationServerSettings.builder().issuer(publicUrl).build();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(JdbcClient jdbc, Clock clock) {
        SigningKeys keys = new SigningKeys(jdbc, clock);
        return (selector, context) -> selector.select(new JWKSet(keys.current()));
    }

    /** The token signing key: read from the database on first use, created there if there is none yet. */
    static final class SigningKeys {

        private final JdbcClient jdbc;
        private final Clock clock;
        private volatile RSAKey current;

        SigningKeys(JdbcClient jdbc, Clock clock) {
            this.jdbc = jdbc;
            this.clock = clock;
        }

        RSAKey current() {
            RSAKey key = current;
            if (key == null) {
                synchronized (this) {
                    if (current == null) {
                        current = load();
                    }
                    key = current;
                }
            }
            return key;
        }

        private RSAKey load() {
            return newest().orElseGet(() -> {
                KeyPair pair = generate();
                jdbc.sql("""
                        insert into oauth2_signing_key(key_id, private_key, public_key, created_at)
                        values (?, ?, ?, ?) on conflict do nothing""")
                        .params(UUID.randomUUID().toString(), pair.getPrivate().getEncoded(),
                                pair.getPublic().getEncoded(), Timestamp.from(clock.instant()))
                        .update();
                // Another instance may have created one at the same moment: everyone takes the newest.
                return newest().orElseThrow();
            });
        }

        private java.util.Optional<RSAKey> newest() {
            return jdbc.sql("""
                    select key_id, private_key, public_key from oauth2_signing_key
                    order by created_at desc, key_id limit 1""")
                    .query((rs, n) -> toKey(rs.getString("key_id"), rs.getBytes("private_key"),
                            rs.getBytes("public_key")))
                    .optional();
        }

        private static RSAKey toKey(String id, byte[] privateKey, byte[] publicKey) {
            try {
                KeyFactory factory = KeyFactory.getInstance("RSA");
                return new RSAKey.Builder((RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(publicKey)))
                        .privateKey((RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(privateKey)))
                        .keyID(id)
                        .build();
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("unreadable token signing key " + id, e);
            }
        }

        private static KeyPair generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
