package vn.dvc.dossier;

import static vn.dvc.dossier.DossierStatus.ACCEPTED;
import static vn.dvc.dossier.DossierStatus.FINISHED;
import static vn.dvc.dossier.DossierStatus.IN_PROGRESS;
import static vn.dvc.dossier.DossierStatus.NEWLY_SUBMITTED;
import static vn.dvc.dossier.DossierStatus.NOT_ACCEPTED;
import static vn.dvc.dossier.DossierStatus.PAYMENT_REQUESTED;
import static vn.dvc.dossier.DossierStatus.RESULT_DELIVERED;
import static vn.dvc.dossier.DossierStatus.STOPPED;
import static vn.dvc.dossier.DossierStatus.SUPPLEMENT_REQUESTED;
import static vn.dvc.dossier.DossierStatus.WITHDRAWN;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The whole lifecycle of a dossier on one screen: which action may be taken in which status, and
 * where it leads. Every status change of the system goes through {@link #next}; anything else is
 * refused. A supplement answered goes back to where the request was made (received or not yet).
 */
public final class DossierLifecycle {

    /** What can happen to a dossier. */
    public enum Action {
        /** The applicant (or an officer at the counter) submits: the dossier exists with status 1. */
        SUBMIT,
        /** The reception officer accepts the dossier (2). */
        RECEIVE,
        /** Processing starts on an accepted dossier (4): at once, in the receiving transaction. */
        START_PROCESSING,
        /** The reception officer refuses it (form 03). */
        REFUSE,
        /** An officer asks for missing or corrected documents (form 02); the clock stops. */
        REQUEST_SUPPLEMENT,
        /** The applicant supplies them. */
        SUPPLEMENT,
        /** The agency asks for a fee or additional amount. */
        REQUEST_PAYMENT,
        /** The payment is confirmed. */
        CONFIRM_PAYMENT,
        /** The applicant withdraws the dossier. */
        WITHDRAW,
        /** Processing stops (for a reason the law gives). */
        STOP,
        /** The leader approves; the result is ready. */
        FINISH,
        /** The result is handed over (online, at the counter or by post). */
        DELIVER
    }

    private record Rule(Set<DossierStatus> from, DossierStatus to) {
    }

    private static final Map<Action, Rule> RULES = Map.ofEntries(
            Map.entry(Action.RECEIVE, new Rule(EnumSet.of(NEWLY_SUBMITTED), ACCEPTED)),
            Map.entry(Action.START_PROCESSING, new Rule(EnumSet.of(ACCEPTED), IN_PROGRESS)),
            Map.entry(Action.REFUSE, new Rule(EnumSet.of(NEWLY_SUBMITTED), NOT_ACCEPTED)),
            Map.entry(Action.REQUEST_SUPPLEMENT, new Rule(EnumSet.of(NEWLY_SUBMITTED, ACCEPTED, IN_PROGRESS),
                    SUPPLEMENT_REQUESTED)),
            Map.entry(Action.SUPPLEMENT, new Rule(EnumSet.of(SUPPLEMENT_REQUESTED), null)), // back to before
            Map.entry(Action.REQUEST_PAYMENT, new Rule(EnumSet.of(ACCEPTED, IN_PROGRESS), PAYMENT_REQUESTED)),
            Map.entry(Action.CONFIRM_PAYMENT, new Rule(EnumSet.of(PAYMENT_REQUESTED), IN_PROGRESS)),
            Map.entry(Action.WITHDRAW, new Rule(EnumSet.of(NEWLY_SUBMITTED, ACCEPTED, IN_PROGRESS,
                    SUPPLEMENT_REQUESTED, PAYMENT_REQUESTED), WITHDRAWN)),
            Map.entry(Action.STOP, new Rule(EnumSet.of(IN_PROGRESS, SUPPLEMENT_REQUESTED, PAYMENT_REQUESTED),
                    STOPPED)),
            Map.entry(Action.FINISH, new Rule(EnumSet.of(IN_PROGRESS), FINISHED)),
            Map.entry(Action.DELIVER, new Rule(EnumSet.of(FINISHED), RESULT_DELIVERED)));

    private DossierLifecycle() {
    }

    /** Whether the action is allowed in that status. */
    public static boolean allows(DossierStatus status, Action action) {
        Rule rule = RULES.get(action);
        return rule != null && rule.from().contains(status);
    }

    /**
     * The status after the action, or an exception if the action is not allowed there.
     * {@code beforeSupplement} is the status the dossier had when the supplement was requested.
     */
    public static DossierStatus next(DossierStatus status, Action action, DossierStatus beforeSupplement) {
        if (!allows(status, action)) {
            throw new IllegalStateException(action + " is not allowed in status " + status);
        }
        if (action == Action.SUPPLEMENT) {
            return beforeSupplement == NEWLY_SUBMITTED ? NEWLY_SUBMITTED : IN_PROGRESS;
        }
        return RULES.get(action).to();
    }

    /** The actions allowed in a status (for pages that offer only what can be done). */
    public static Set<Action> allowed(DossierStatus status) {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        RULES.forEach((action, rule) -> {
            if (rule.from().contains(status)) {
                actions.add(action);
            }
        });
        return actions;
    }
}
