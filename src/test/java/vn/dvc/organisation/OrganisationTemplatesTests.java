package vn.dvc.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every visible word of the organisation pages comes from the bundles, in both languages. */
class OrganisationTemplatesTests {

    private static final Pattern TEXT_NODE = Pattern.compile(">([^<]*)<");
    private static final Pattern LITERAL_ATTRIBUTE = Pattern.compile(
            "\\s(?:title|alt|placeholder|aria-label)=\"([^\"]*)\"");
    private static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9._-]*)[}(]");

    @Test
    void templatesHaveNoLiteralText() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Resource template : templates()) {
            String html = read(template).replaceAll("(?s)<!--.*?-->", "");
            for (Pattern pattern : List.of(TEXT_NODE, LITERAL_ATTRIBUTE)) {
                Matcher m = pattern.matcher(html);
                while (m.find()) {
                    if (!m.group(1).isBlank()) {
                        literals.add(template.getFilename() + ": " + m.group(1).strip());
                    }
                }
            }
        }
        assertThat(literals).isEmpty();
    }

    @Test
    void bothLanguagesHaveEveryKeyTheTemplatesUse() throws IOException {
        Properties vietnamese = bundle("");
        Properties english = bundle("_en");
        assertThat(english.stringPropertyNames()).isEqualTo(vietnamese.stringPropertyNames());
        for (Resource template : templates()) {
            Matcher m = KEY.matcher(read(template));
            while (m.find()) {
                assertThat(vietnamese).as(template.getFilename()).containsKey(m.group(1));
            }
        }
    }

    private static Resource[] templates() throws IOException {
        return new PathMatchingResourcePatternResolver().getResources("classpath:templates/organisation/**/*.html");
    }

    private static Properties bundle(String suffix) throws IOException {
        Properties all = new Properties();
        for (String name : List.of("messages", "organisation")) {
            try (InputStream in = OrganisationTemplatesTests.class
                    .getResourceAsStream("/i18n/" + name + suffix + ".properties")) {
                all.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        return all;
    }

    private static String read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
