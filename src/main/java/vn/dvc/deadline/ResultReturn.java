package vn.dvc.deadline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierTransitions;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.Role;
import vn.dvc.reception.Reception;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.ProblemException.FieldProblem;

/**
 * The reception officer returns the result of a finished dossier (status 9 to 10): online (the applicant
 * downloads it), at the counter, or by post with the address and the postal tracking number; a postal delivery's
 * status (sent, delivered, returned to sender) is updated as the post reports it.
 */
@Service
public class ResultReturn {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    /** Postal tracking numbers: letters, digits and dashes (e.g. VNPost's EL123456789VN). */
    static final Pattern TRACKING_NUMBER = Pattern.compile("[A-Z0-9][A-Z0-9-]{3,39}");

    private final Reception reception;
    private final DossierTransitions transitions;
    private final Deadlines deadlines;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;

    ResultReturn(Reception reception, DossierTransitions transitions, Deadlines deadlines, JdbcClient jdbc,
            MessageSource messages, Clock clock) {
        this.reception = reception;
        this.transitions = transitions;
        this.deadlines = deadlines;
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Returns the result of a dossier of the officer's agency. Another agency's dossier is not found (404); a
     * dossier not in status 9 is a conflict (409); bad input (400) changes nothing.
     *
     * @param method ONLINE, COUNTER or POST
     * @param address the postal address (POST only, required there)
     * @param trackingNumber the postal tracking number (POST only, required there)
     */
    @Transactional
    public Delivery returnResult(String code, AccountPrincipal officer, String method, String address,
            String trackingNumber) {
        String agency = Officers.actingAgency(officer, Role.RECEPTION_OFFICER);
        reception.find(code, officer);
        ReturnMethod how = parse(ReturnMethod.class, method, "method", "deadline.return.method-unknown");
        String postalAddress = null;
        String tracking = null;
        if (how == ReturnMethod.POST) {
            postalAddress = address == null ? "" : address.strip();
            tracking = trackingNumber == null ? "" : trackingNumber.strip().toUpperCase(Locale.ROOT);
            List<FieldProblem> problems = new java.util.ArrayList<>();
            if (postalAddress.isEmpty()) {
                problems.add(new FieldProblem("address", "deadline.return.address-required"));
            } else if (postalAddress.length() > 500) {
                problems.add(new FieldProblem("address", "deadline.text-too-long", 500));
            }
            if (tracking.isEmpty()) {
                problems.add(new FieldProblem("trackingNumber", "deadline.return.tracking-required"));
            } else if (!TRACKING_NUMBER.matcher(tracking).matches()) {
                problems.add(new FieldProblem("trackingNumber", "deadline.return.tracking-invalid"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
        }
        String note = how == ReturnMethod.POST ? text("deadline.return.note.POST", postalAddress, tracking)
                : text("deadline.return.note." + how.name());
        Dossier delivered = transitions.deliver(code, agency, officer.getUsername(), note);
        Instant now = clock.instant();
        jdbc.sql("""
                insert into deadline_delivery(dossier_id, agency_code, method, address, tracking_number, postal_status,
                                              returned_at, officer)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(delivered.id(), agency, how.name(), postalAddress, tracking,
                        how == ReturnMethod.POST ? PostalStatus.SENT.name() : null, Timestamp.from(now),
                        officer.getUsername())
                .update();
        return deadlines.delivery(delivered.id()).orElseThrow();
    }

    /**
     * Records the postal status of a result sent by post (SENT, DELIVERED, RETURNED_TO_SENDER), with a line in the
     * timeline. A dossier not returned by post is a conflict (409).
     */
    @Transactional
    public Delivery updatePostalStatus(String code, AccountPrincipal officer, String status) {
        String agency = Officers.actingAgency(officer, Role.RECEPTION_OFFICER);
        Dossier dossier = reception.find(code, officer);
        PostalStatus to = parse(PostalStatus.class, status, "status", "deadline.delivery.status-unknown");
        Dossier locked = transitions.note(code, agency, officer.getUsername(), "DELIVERY_UPDATED",
                text("deadline.delivery.note", text("deadline.postal-status." + to.name()),
                        deadlines.delivery(dossier.id()).map(Delivery::trackingNumber).orElse("")));
        Delivery delivery = deadlines.delivery(locked.id())
                .filter(d -> d.method() == ReturnMethod.POST)
                .orElseThrow(() -> new ConflictException("deadline.delivery.not-postal", code));
        jdbc.sql("update deadline_delivery set postal_status = ?, status_updated_at = ? where dossier_id = ?")
                .params(to.name(), Timestamp.from(clock.instant()), delivery.dossierId()).update();
        return deadlines.delivery(locked.id()).orElseThrow();
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String key) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(new FieldProblem(field, key)));
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, VIETNAMESE);
    }
}
