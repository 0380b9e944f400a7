package vn.dvc.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import vn.dvc.shared.ProblemException.FieldProblem;

/**
 * What a password must be (in the spirit of NIST SP 800-63B: length over composition rules): at least
 * {@code app.password.min-length} characters (10 by default), at most 128, not one of the commonly used
 * passwords of {@code app.password.common-list}, and not containing the account's own identifiers (its
 * e-mail address or the part before the @, citizen identity number, tax code, username).
 */
@Component
class PasswordPolicy {

    static final int MAX_LENGTH = 128;
    private static final int SHORTEST_IDENTIFIER = 4;

    private final int minLength;
    private final Set<String> common;

    @Autowired
    PasswordPolicy(@Value("${app.password.min-length:10}") int minLength,
            @Value("${app.password.common-list:classpath:identity/common-passwords.txt}") Resource commonList) {
        this(minLength, read(commonList));
    }

    PasswordPolicy(int minLength, Collection<String> common) {
        this.minLength = minLength;
        this.common = common.stream().map(p -> p.strip().toLowerCase(Locale.ROOT)).filter(p -> !p.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    int minLength() {
        return minLength;
    }

    /**
     * The problems of a new password, reported on {@code field} (and on {@code confirmationField} when
     * the two differ); empty when it is acceptable.
     */
    List<FieldProblem> check(String field, String password, String confirmationField, String confirmation,
            Collection<String> identifiers) {
        List<FieldProblem> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add(new FieldProblem(field, "validation.required"));
            return problems;
        }
        int length = password.codePointCount(0, password.length());
        String lower = password.toLowerCase(Locale.ROOT);
        if (length < minLength) {
            problems.add(new FieldProblem(field, "identity.password.too-short", minLength));
        } else if (length > MAX_LENGTH) {
            problems.add(new FieldProblem(field, "validation.too-long", MAX_LENGTH));
        } else if (common.contains(lower)) {
            problems.add(new FieldProblem(field, "identity.password.common"));
        } else if (containsIdentifier(lower, identifiers)) {
            problems.add(new FieldProblem(field, "identity.password.personal"));
        }
        if (confirmationField != null && !password.equals(confirmation)) {
            problems.add(new FieldProblem(confirmationField, "identity.password.mismatch"));
        }
        return problems;
    }

    private static boolean containsIdentifier(String lowerPassword, Collection<String> identifiers) {
        for (String identifier : identifiers) {
            if (identifier == null) {
                continue;
            }
            String id = identifier.strip().toLowerCase(Locale.ROOT);
            List<String> parts = new ArrayList<>(List.of(id));
            int at = id.indexOf('@');
            if (at > 0) {
                parts.add(id.substring(0, at));
            }
            for (String part : parts) {
                if (part.length() >= SHORTEST_IDENTIFIER && lowerPassword.contains(part)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> read(Resource list) {
        try {
            return List.of(list.getContentAsString(StandardCharsets.UTF_8).split("\\R"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the list of common passwords " + list, e);
        }
    }
}
