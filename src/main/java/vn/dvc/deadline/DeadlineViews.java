package vn.dvc.deadline;

import java.time.Instant;
import java.time.ZonedDateTime;

import org.springframework.stereotype.Component;

import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierStatus;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.CurrentUser;
import vn.dvc.identity.Role;
import vn.dvc.shared.VietnamTime;

/**
 * What the deadline fragments of the dossier pages show ({@code deadline/officer.html},
 * {@code deadline/applicant.html}, called as {@code ${@deadlineViews.of(dossier)}}): early / on time / late, the
 * apology and new appointment, how the result was returned, and which forms the signed-in officer may use.
 * The pages that include the fragments have already checked that the reader may see the dossier.
 */
@Component("deadlineViews")
public class DeadlineViews {

    /** A dossier's deadline panel. {@code timeliness} is EARLY, ON_TIME or LATE once finished, else null. */
    public record View(String code, String timeliness, Apology apology, ZonedDateTime originalDueAt,
            ZonedDateTime newDueAt, Delivery delivery, ZonedDateTime returnedAt, ZonedDateTime statusUpdatedAt,
            boolean canReturn, boolean canUpdateDelivery, boolean canApologise) {

        public java.util.List<String> returnMethods() {
            return java.util.Arrays.stream(ReturnMethod.values()).map(Enum::name).toList();
        }

        public java.util.List<String> postalStatuses() {
            return java.util.Arrays.stream(PostalStatus.values()).map(Enum::name).toList();
        }
    }

    private final Deadlines deadlines;
    private final Apologies apologies;
    private final CurrentUser currentUser;

    DeadlineViews(Deadlines deadlines, Apologies apologies, CurrentUser currentUser) {
        this.deadlines = deadlines;
        this.apologies = apologies;
        this.currentUser = currentUser;
    }

    public View of(Dossier d) {
        Apology apology = deadlines.apology(d.id()).orElse(null);
        Delivery delivery = deadlines.delivery(d.id()).orElse(null);
        AccountPrincipal user = currentUser.principal().orElse(null);
        boolean desk = user != null && user.agencyCode() != null && user.agencyCode().equals(d.agencyCode())
                && user.has(Role.RECEPTION_OFFICER);
        boolean officer = user != null && user.agencyCode() != null && user.agencyCode().equals(d.agencyCode())
                && (user.has(Role.RECEPTION_OFFICER) || user.has(Role.SPECIALIST) || user.has(Role.LEADER));
        return new View(d.code(), deadlines.timeliness(d).map(Enum::name).orElse(null), apology,
                zoned(apology == null ? null : apology.originalDueAt()), zoned(apology == null ? null : apology.newDueAt()),
                delivery, zoned(delivery == null ? null : delivery.returnedAt()),
                zoned(delivery == null ? null : delivery.statusUpdatedAt()),
                desk && d.status() == DossierStatus.FINISHED,
                desk && delivery != null && delivery.method() == ReturnMethod.POST,
                officer && apologies.mayIssue(d));
    }

    private static ZonedDateTime zoned(Instant instant) {
        return instant == null ? null : instant.atZone(VietnamTime.ZONE);
    }
}
