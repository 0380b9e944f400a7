package vn.dvc.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Links in mails (verification, password reset) and the payment sandbox's return address are built on
 * {@code app.public-url}. Without {@code PUBLIC_URL} they must point at the port the server really
 * listens on: a run with {@code SERVER_PORT=18101} used to mail links to port 8080.
 */
class PublicUrlDefaultTest {

    @Test
    void followsTheServerPortWhenNoPublicUrlIsSet() throws IOException {
        assertThat(publicUrl(Map.of("server.port", "18101"))).isEqualTo("http://localhost:18101");
    }

    @Test
    void isPort8080ByDefaultAndThePublicUrlWhenSet() throws IOException {
        assertThat(publicUrl(Map.of())).isEqualTo("http://localhost:8080");
        assertThat(publicUrl(Map.of("server.port", "18101", "PUBLIC_URL", "https://dichvucong.gialai.gov.vn")))
                .isEqualTo("https://dichvucong.gialai.gov.vn");
    }

    private static String publicUrl(Map<String, Object> settings) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("settings", settings));
        environment.getPropertySources()
                .addLast(new ResourcePropertySource(new ClassPathResource("application.properties")));
        return environment.getProperty("app.public-url");
    }
}
