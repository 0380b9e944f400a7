package vn.dvc.shared;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;

/**
 * A failure that the caller can understand: it names a message bundle key, so the answer is in the
 * caller's language, and optional per-field errors.
 */
public abstract class ProblemException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;
    private final List<FieldProblem> fieldProblems;

    protected ProblemException(String messageKey, Object[] args) {
        this(messageKey, args, List.of());
    }

    protected ProblemException(String messageKey, Object[] args, List<FieldProblem> fieldProblems) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args == null ? new Object[0] : args.clone();
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /** The problem in words: the message of each field problem, or else the problem's own message. */
    public String text(MessageSource messages, Locale locale) {
        if (fieldProblems.isEmpty()) {
            return messages.getMessage(messageKey, args, messageKey, locale);
        }
        return fieldProblems.stream()
                .map(f -> messages.getMessage(f.messageKey(), f.args().toArray(), f.messageKey(), locale))
                .collect(Collectors.joining(" "));
    }

    /** One invalid input field, with the bundle key of the message that explains it. */
    public record FieldProblem(String field, String messageKey, List<Object> args) {

        public FieldProblem(String field, String messageKey, Object... args) {
            this(field, messageKey, List.of(args));
        }
    }
}
