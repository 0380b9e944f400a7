package vn.dvc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every UI text lives in the message bundles, in Vietnamese and in English: no key used by a template
 * or by the code is missing, the two languages have the same keys, and no template carries literal
 * text of its own.
 */
class MessageBundlesTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Path JAVA = Path.of("src/main/java");
    static final Path BUNDLES = Path.of("src/main/resources/i18n");
    static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][\\w.\\-]*)");
    static final Pattern CODE_KEY = Pattern.compile(
            "\"((?:catalogue|organisation|identity|problem|validation|import|export|calendar|planning|form|document|dossier|notification|payment|statistics|reception|applicant|mail|integration|processing|deadline|result|satisfaction|ranking|audit)\\.[a-z][\\w.\\-]*\\w)\"");
    static final Pattern TEXT_NODE = Pattern.compile(">([^<>]*)<");

    static Properties bundle(String language) throws IOException {
        Properties all = new Properties();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                boolean english = name.endsWith("_en.properties");
                if (("en".equals(language)) == english) {
                    try (InputStream in = Files.newInputStream(file)) {
                        Properties p = new Properties();
                        p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                        all.putAll(p);
                    }
                }
            }
        }
        return all;
    }

    static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }

    static Set<String> keysUsed(List<Path> files, Pattern pattern) throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Path file : files) {
            Matcher m = pattern.matcher(Files.readString(file));
            while (m.find()) {
                if (!m.group(1).contains("__")) { // keys completed by preprocessing (#{x.__${...}__}) are dynamic
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    @Test
    void vietnameseAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(new TreeSet<>(bundle("vi").stringPropertyNames()))
                .isEqualTo(new TreeSet<>(bundle("en").stringPropertyNames()));
    }

    @Test
    void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
        Set<String> used = keysUsed(files(TEMPLATES, ".html"), TEMPLATE_KEY);
        used.addAll(keysUsed(files(JAVA, ".java"), CODE_KEY));
        Set<String> vi = bundle("vi").stringPropertyNames();
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(vi);
        assertThat(missing).as("keys used but missing from the bundles").isEmpty();
    }

    @Test
    void templatesHaveNoLiteralText() throws IOException {
        List<String> literal = new ArrayList<>();
        for (Path file : files(TEMPLATES, ".html")) {
            String html = Files.readString(file).replaceAll("(?s)<script.*?</script>", "")
                    .replaceAll("(?s)<!--.*?-->", "").replaceAll("<!DOCTYPE[^>]*>", "");
            Matcher m = TEXT_NODE.matcher(html);
            while (m.find()) {
                String text = m.group(1).strip();
                if (text.codePoints().anyMatch(Character::isLetter)) {
                    literal.add(file.getFileName() + ": " + text);
                }
            }
        }
        assertThat(literal).as("literal text in templates (move it to the message bundles)").isEmpty();
    }
}
