package vn.dvc.processing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import vn.dvc.identity.AccountPrincipal;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.ProblemException;

/**
 * Forwards several dossiers at once, each in its own transaction (through {@link Processing}): one that cannot
 * be forwarded is reported with its problem and changes nothing, the others go on.
 */
@Component
class BulkForward {

    static final int MAX = 100;

    /** What happened to one dossier: forwarded, or why not (code as in problem answers, detail in words). */
    record Outcome(String dossierCode, boolean ok, String code, String detail) {
    }

    private final Processing processing;
    private final MessageSource messages;

    BulkForward(Processing processing, MessageSource messages) {
        this.processing = processing;
        this.messages = messages;
    }

    List<Outcome> forward(List<String> codes, AccountPrincipal officer, String assignee, String note) {
        List<String> distinct = codes == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(codes.stream()
                .filter(c -> c != null && !c.isBlank()).map(String::strip).toList()));
        if (distinct.isEmpty()) {
            throw new InvalidInputException(List.of(new ProblemException.FieldProblem("dossierCodes",
                    "processing.bulk.none")));
        }
        if (distinct.size() > MAX) {
            throw new InvalidInputException(List.of(new ProblemException.FieldProblem("dossierCodes",
                    "processing.bulk.too-many", MAX)));
        }
        Locale locale = LocaleContextHolder.getLocale();
        List<Outcome> outcomes = new ArrayList<>();
        for (String code : distinct) {
            try {
                processing.forward(code, officer, assignee, note);
                outcomes.add(new Outcome(code, true, null, null));
            } catch (ProblemException e) {
                String kind = e instanceof NotFoundException ? "not-found"
                        : e instanceof ConflictException ? "conflict" : "invalid-input";
                String detail = !e.fieldProblems().isEmpty()
                        ? messages.getMessage(e.fieldProblems().get(0).messageKey(),
                                e.fieldProblems().get(0).args().toArray(), locale)
                        : messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
                outcomes.add(new Outcome(code, false, kind, detail));
            } catch (AccessDeniedException e) {
                outcomes.add(new Outcome(code, false, "forbidden",
                        messages.getMessage("processing.forbidden", null, locale)));
            }
        }
        return outcomes;
    }
}
