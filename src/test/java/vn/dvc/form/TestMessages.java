package vn.dvc.form;

import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The form bundle as the application reads it, for unit tests of the rules. */
final class TestMessages {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private static final ResourceBundleMessageSource SOURCE = new ResourceBundleMessageSource();

    static {
        SOURCE.setBasenames("i18n/form");
        SOURCE.setDefaultEncoding("UTF-8");
        SOURCE.setFallbackToSystemLocale(false);
    }

    private TestMessages() {
    }

    static AnswerRules.Messages in(Locale locale) {
        return (key, args) -> SOURCE.getMessage(key, args, locale);
    }

    static String vi(String key, Object... args) {
        return SOURCE.getMessage(key, args, VIETNAMESE);
    }
}
