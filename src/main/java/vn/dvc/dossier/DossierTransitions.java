package vn.dvc.dossier;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvc.calendar.WorkingCalendar;
import vn.dvc.dossier.DossierLifecycle.Action;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.VietnamTime;

/**
 * Every status change of a dossier: checked against {@link DossierLifecycle}, recorded in the
 * timeline, reported to the applicant by e-mail and to other modules by {@link DossierStatusChanged},
 * all in one transaction with the dossier row locked.
 */
@Service
public class DossierTransitions {

    private final WorkingCalendar calendar;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final DossierMails mails;
    private final ApplicationEventPublisher events;

    DossierTransitions(JdbcClient jdbc, Clock clock, DossierMails mails, ApplicationEventPublisher events,
            WorkingCalendar calendar) {
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.clock = clock;
        this.mails = mails;
        this.events = events;
    }

    /** The longest reason an applicant may give for withdrawing (it goes to the timeline). */
    public static final int WITHDRAW_REASON_MAX = 500;

    /**
     * The applicant withdraws their dossier (status 7), while the lifecycle allows it; an optional reason of
     * at most {@link #WITHDRAW_REASON_MAX} characters goes to the timeline.
     */
    @Transactional
    public Dossier withdraw(String code, long applicantId, String actor, String reason) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > WITHDRAW_REASON_MAX) {
            throw new vn.dvc.shared.InvalidInputException(List.of(new vn.dvc.shared.ProblemException.FieldProblem(
                    "reason", "dossier.withdraw.reason-too-long", WITHDRAW_REASON_MAX)));
        }
        Dossier dossier = lockOwned(code, applicantId);
        return change(dossier, Action.WITHDRAW, actor, "WITHDRAWN", why);
    }

    /**
     * An officer asks for every missing item in one request (Circular 01/2018 form 02); the dossier waits
     * in status 5 and its clock stops.
     */
    @Transactional
    public Dossier requestSupplement(String code, String actor, List<String> items, String reason) {
        return requestSupplement(code, actor, items, List.of(), reason);
    }

    /**
     * As {@link #requestSupplement(String, String, List, String)}, saying for each item whether the original, a
     * certified copy or a photocopy is asked for ({@code forms[i]} for {@code items[i]}, null or missing: not said).
     * Blank items are dropped with their form.
     */
    @Transactional
    public Dossier requestSupplement(String code, String actor, List<String> items, List<OriginalOrCopy> forms,
            String reason) {
        Dossier dossier = lock(code);
        if (items == null || items.stream().allMatch(i -> i == null || i.isBlank())) {
            throw new vn.dvc.shared.InvalidInputException("dossier.supplement.items-required");
        }
        List<String> names = new java.util.ArrayList<>();
        List<String> kinds = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            if (item != null && !item.isBlank()) {
                names.add(item.strip());
                OriginalOrCopy form = forms != null && i < forms.size() ? forms.get(i) : null;
                kinds.add(form == null ? null : form.name());
            }
        }
        Dossier changed = change(dossier, Action.REQUEST_SUPPLEMENT, actor, "SUPPLEMENT_REQUESTED", reason);
        jdbc.sql("""
                insert into dossier_supplement(dossier_id, requested_at, requested_by, items, item_forms, reason,
                                               before_status)
                values (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)""")
                .params(dossier.id(), Timestamp.from(clock.instant()), actor, JsonText.write(names),
                        JsonText.write(kinds), reason == null ? "" : reason.strip(), dossier.status().national())
                .update();
        return changed;
    }

    /**
     * The same request made by an officer: a dossier of another agency looks unknown.
     */
    @Transactional
    public Dossier requestSupplement(String code, String officerAgencyCode, String actor, List<String> items,
            String reason) {
        return requestSupplement(code, officerAgencyCode, actor, items, List.of(), reason);
    }

    /** As above, with the paper asked for per item. */
    @Transactional
    public Dossier requestSupplement(String code, String officerAgencyCode, String actor, List<String> items,
            List<OriginalOrCopy> forms, String reason) {
        lockAtAgency(code, officerAgencyCode);
        return requestSupplement(code, actor, items, forms, reason);
    }

    /**
     * The reception officer accepts a dossier of their agency (status 1 to 4): it is received now and due at
     * {@code dueAt}, computed by the caller from the procedure's terms and the working calendar.
     */
    @Transactional
    public Dossier receive(String code, String officerAgencyCode, String actor, Instant dueAt) {
        return receive(code, officerAgencyCode, actor, clock.instant(), dueAt);
    }

    /**
     * As {@link #receive(String, String, String, Instant)} with the time of receipt given by the caller (the
     * one its due date was computed from). {@code receiptUrl}, when given, is sent to the applicant.
     */
    @Transactional
    public Dossier receive(String code, String officerAgencyCode, String actor, Instant receivedAt, Instant dueAt) {
        if (receivedAt == null || dueAt == null || dueAt.isBefore(receivedAt)) {
            throw new IllegalArgumentException("a receipt needs a time and a due time after it");
        }
        Dossier dossier = lockAtAgency(code, officerAgencyCode);
        checkAllowed(dossier, Action.RECEIVE);
        jdbc.sql("update dossier set received_at = ?, due_at = ? where id = ?")
                .params(Timestamp.from(receivedAt), Timestamp.from(dueAt), dossier.id()).update();
        // Accepted (2, the receipt is mailed), then processing starts (4) in the same transaction: the national
        // portal and the timeline see both statuses; the applicant gets one mail.
        Dossier accepted = write(dossier, DossierLifecycle.next(dossier.status(), Action.RECEIVE, null), actor,
                "RECEIVED", null, mails.receiptNote(dossier));
        return write(accepted, DossierLifecycle.next(accepted.status(), Action.START_PROCESSING, null), actor,
                "PROCESSING_STARTED", null, null, false);
    }

    /**
     * The reception officer refuses a dossier of their agency (status 1 to 3, Circular 01/2018 form 03);
     * the reason (its code from the maintained list, and the officer's text) goes to the timeline and the
     * applicant.
     */
    @Transactional
    public Dossier refuse(String code, String officerAgencyCode, String actor, String reasonCode, String text) {
        if (reasonCode == null || reasonCode.isBlank()) {
            throw new vn.dvc.shared.InvalidInputException("dossier.refuse.reason-required");
        }
        Dossier dossier = lockAtAgency(code, officerAgencyCode);
        return change(dossier, Action.REFUSE, actor, "REFUSED", text);
    }

    /** The longest reason an officer may give for stopping the processing of a dossier. */
    public static final int STOP_REASON_MAX = 2000;

    /**
     * An officer of the dossier's agency stops its processing (status 8, "dừng xử lý", for a reason the law gives)
     * while it is in progress or waits for a supplement or a payment: the reason is required (at most
     * {@link #STOP_REASON_MAX} characters) and goes to the timeline and the applicant's mail; other modules follow
     * {@link DossierStatusChanged} (the open processing step ends, the audit trail, the outbound events and the
     * statistics). A dossier of another agency looks unknown; nothing changes when the action is refused. Who may
     * stop is the caller's decision (the reception module, ADR 0029).
     */
    @Transactional
    public Dossier stop(String code, String officerAgencyCode, String actor, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new vn.dvc.shared.InvalidInputException(List.of(new vn.dvc.shared.ProblemException.FieldProblem(
                    "reason", "dossier.stop.reason-required")));
        }
        if (why.length() > STOP_REASON_MAX) {
            throw new vn.dvc.shared.InvalidInputException(List.of(new vn.dvc.shared.ProblemException.FieldProblem(
                    "reason", "dossier.stop.reason-too-long", STOP_REASON_MAX)));
        }
        Dossier dossier = lockAtAgency(code, officerAgencyCode);
        return change(dossier, Action.STOP, actor, "STOPPED", why);
    }

    /**
     * An officer of the dossier's agency attaches the result of processing (a document already stored by
     * {@code vn.dvc.document.Documents}) while the dossier is in progress; recorded in {@code dossier_document} with
     * kind RESULT and in the timeline. A later result replaces an earlier one for approval.
     */
    @Transactional
    public Dossiers.DossierDocument attachResult(String code, String officerAgencyCode, String actor, UUID documentId,
            String name) {
        Dossier dossier = lockAtAgency(code, officerAgencyCode);
        if (!DossierLifecycle.allows(dossier.status(), Action.FINISH)) {
            throw new ConflictException("dossier.result.not-allowed", dossier.code());
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                insert into dossier_document(dossier_id, document_id, component_name, kind, added_at)
                values (?, ?, ?, 'RESULT', ?) returning id""")
                .params(dossier.id(), documentId, name, Timestamp.from(now)).query(Long.class).single();
        timeline(dossier.id(), now, actor, "RESULT_ATTACHED", null, null, name);
        events.publishEvent(new DossierNoted(dossier.code(), dossier.agencyCode(), actor, "RESULT_ATTACHED", now));
        return new Dossiers.DossierDocument(id, documentId, null, name, "RESULT", null, now);
    }

    /**
     * The leader approves: the dossier of their agency is finished (status 9) with its latest RESULT document;
     * {@code finished_at} is set, the timeline and the applicant are told, and {@link DossierStatusChanged} and
     * {@link DossierFinished} are published in this transaction. Without a result it is refused (409).
     */
    @Transactional
    public Dossier finish(String code, String officerAgencyCode, String actor) {
        Dossier dossier = lockAtAgency(code, officerAgencyCode);
        checkAllowed(dossier, Action.FINISH);
        UUID result = jdbc.sql("""
                select document_id from dossier_document where dossier_id = ? and kind = 'RESULT'
                 order by id desc limit 1""").param(dossier.id()).query(UUID.class).optional()
                .orElseThrow(() -> new ConflictException("dossier.finish.result-required", dossier.code()));
        // As stored (PostgreSQL keeps microseconds), so that the event and the row tell the same time.
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        jdbc.sql("update dossier set finished_at = ? where id = ?").params(Timestamp.from(now), dossier.id()).update();
        Dossier finished = write(dossier, DossierLifecycle.next(dossier.status(), Action.FINISH, null), actor,
                "FINISHED", null);
        events.publishEvent(new DossierFinished(dossier.code(), dossier.agencyCode(), result, now, actor));
        return finished;
    }

    /**
     * The reception officer returns the result of a finished dossier of their agency (status 9 to 10), online,
     * at the counter or by post; {@code note} (how it was returned) goes to the timeline and the applicant.
     */
    @Transactional
    public Dossier deliver(String code, String officerAgencyCode, String actor, String note) {
        Dossier dossier = lockAtAgency(code, officerAgencyCode);
        checkAllowed(dossier, Action.DELIVER);
        jdbc.sql("update dossier set returned_at = ? where id = ?")
                .params(Timestamp.from(clock.instant()), dossier.id()).update();
        return write(dossier, DossierLifecycle.next(dossier.status(), Action.DELIVER, null), actor, "RESULT_DELIVERED",
                note);
    }

    /**
     * Records something that happened to a dossier of the agency without changing its status (an apology and new
     * appointment, a postal delivery update): a timeline line of this kind ({@code dossier.event.<kind>}).
     */
    @Transactional
    public Dossier note(String code, String officerAgencyCode, String actor, String kind, String message) {
        Dossier dossier = lockAtAgency(code, officerAgencyCode);
        Instant now = clock.instant();
        timeline(dossier.id(), now, actor, kind, null, null, message);
        events.publishEvent(new DossierNoted(dossier.code(), dossier.agencyCode(), actor, kind, now));
        return dossier;
    }

    /**
     * An officer of the dossier's agency asks the applicant to pay an additional amount (financial obligation,
     * status 6): the amount, the reason and the deadline go to the timeline and to the applicant's mail. The
     * caller (the payment module) validates the input and records what is to be paid in the same transaction.
     */
    @Transactional
    public Dossier requestPayment(String code, String officerAgencyCode, String actor, long amountVnd, String reason,
            Instant deadline) {
        if (amountVnd <= 0 || reason == null || reason.isBlank() || deadline == null) {
            throw new IllegalArgumentException("a payment request needs an amount, a reason and a deadline");
        }
        Dossier dossier = lockAtAgency(code, officerAgencyCode);
        String due = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
                .format(deadline.atZone(vn.dvc.shared.VietnamTime.ZONE));
        String note = vnd(amountVnd) + " · " + reason.strip() + " · hạn " + due;
        return change(dossier, Action.REQUEST_PAYMENT, actor, "PAYMENT_REQUESTED", note);
    }

    /**
     * The payment gateway confirmed a payment for the dossier: recorded in the timeline; a dossier
     * waiting for that payment (status 6) goes back to processing (4).
     */
    @Transactional
    public Dossier paymentReceived(String code, String orderRef, long amountVnd) {
        return paymentReceived(code, orderRef, amountVnd, true);
    }

    /**
     * As {@link #paymentReceived(String, String, long)}; a payment that does not settle the amount the dossier
     * waits for ({@code settlesRequest} false, e.g. its ordinary fee) is only recorded in the timeline.
     */
    @Transactional
    public Dossier paymentReceived(String code, String orderRef, long amountVnd, boolean settlesRequest) {
        Dossier dossier = lock(code);
        String note = orderRef + " · " + vnd(amountVnd);
        if (settlesRequest && DossierLifecycle.allows(dossier.status(), Action.CONFIRM_PAYMENT)) {
            return change(dossier, Action.CONFIRM_PAYMENT, "payment-gateway", "PAYMENT_CONFIRMED", note);
        }
        timeline(dossier.id(), clock.instant(), "payment-gateway", "PAYMENT_RECEIVED", null, null, note);
        return dossier;
    }

    private static String vnd(long amountVnd) {
        return String.format(java.util.Locale.ROOT, "%,d", amountVnd).replace(',', '.') + " đ";
    }

    /** Records the applicant's answer to the open supplement request; the dossier goes back to where it was. */
    Dossier supplied(Dossier locked, long supplementId, String actor, String note) {
        int before = jdbc.sql("select before_status from dossier_supplement where id = ?").param(supplementId)
                .query(Integer.class).single();
        Instant now = clock.instant();
        jdbc.sql("update dossier_supplement set answered_at = ?, answer_note = ? where id = ?")
                .params(Timestamp.from(now), note, supplementId).update();
        DossierStatus to = DossierLifecycle.next(locked.status(), Action.SUPPLEMENT, DossierStatus.ofNational(before));
        Dossier supplied = write(locked, to, actor, "SUPPLEMENTED", note);
        if (locked.dueAt() != null) {
            moveDueTime(supplied, supplementId, now);
        }
        return supplied;
    }

    /**
     * The clock does not run while the agency waits for a supplement (RULES.md §2): the due time moves later by
     * the agency's working time from the request to the answer, in whole minutes, and a period counted in days
     * still ends at the close of a working day ({@link WorkingCalendar#dueAfterPause}, ADR 0027); recorded in the
     * timeline.
     */
    private void moveDueTime(Dossier dossier, long supplementId, Instant answeredAt) {
        Instant requestedAt = jdbc.sql("select requested_at from dossier_supplement where id = ?").param(supplementId)
                .query(Timestamp.class).single().toInstant();
        Duration paused = calendar.pausedTime(requestedAt.atZone(VietnamTime.ZONE),
                answeredAt.atZone(VietnamTime.ZONE), dossier.agencyCode());
        if (paused.isZero()) {
            return;
        }
        Instant due = calendar.dueAfterPause(dossier.dueAt().atZone(VietnamTime.ZONE), paused, dossier.agencyCode())
                .toInstant();
        jdbc.sql("update dossier set due_at = ? where id = ?").params(Timestamp.from(due), dossier.id()).update();
        String message = DUE_TIME.format(due.atZone(VietnamTime.ZONE));
        timeline(dossier.id(), answeredAt, "system", "DUE_MOVED", null, null, message);
        events.publishEvent(new DossierDueMoved(dossier.code(), dossier.agencyCode(), paused, due));
    }

    /** The dossier row, locked for a change; unknown codes are not found. */
    Dossier lock(String code) {
        return jdbc.sql(Dossiers.COLUMNS + " where d.code = ? for update").param(code).query(Dossiers::map)
                .optional().orElseThrow(() -> new NotFoundException("dossier.not-found", code));
    }

    /** The dossier row of this agency, locked; another agency's looks unknown. */
    Dossier lockAtAgency(String code, String agencyCode) {
        return jdbc.sql(Dossiers.COLUMNS + " where d.code = ? and d.agency_code = ? for update")
                .params(code, agencyCode).query(Dossiers::map).optional()
                .orElseThrow(() -> new NotFoundException("dossier.not-found", code));
    }

    Dossier lockOwned(String code, long applicantId) {
        return jdbc.sql(Dossiers.COLUMNS + " where d.code = ? and d.applicant_id = ? for update")
                .params(code, applicantId).query(Dossiers::map).optional()
                .orElseThrow(() -> new NotFoundException("dossier.not-found", code));
    }

    private static final java.time.format.DateTimeFormatter DUE_TIME =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private Dossier change(Dossier dossier, Action action, String actor, String kind, String message) {
        checkAllowed(dossier, action);
        return write(dossier, DossierLifecycle.next(dossier.status(), action, null), actor, kind, message);
    }

    private static void checkAllowed(Dossier dossier, Action action) {
        if (!DossierLifecycle.allows(dossier.status(), action)) {
            throw new ConflictException("dossier.action.not-allowed." + action.name().toLowerCase().replace('_', '-'),
                    dossier.code());
        }
    }

    private Dossier write(Dossier dossier, DossierStatus to, String actor, String kind, String message) {
        return write(dossier, to, actor, kind, message, message);
    }

    private Dossier write(Dossier dossier, DossierStatus to, String actor, String kind, String message,
            String mailNote) {
        return write(dossier, to, actor, kind, message, mailNote, true);
    }

    private Dossier write(Dossier dossier, DossierStatus to, String actor, String kind, String message,
            String mailNote, boolean mail) {
        Instant now = clock.instant();
        jdbc.sql("update dossier set status = ?, row_version = row_version + 1 where id = ?")
                .params(to.national(), dossier.id()).update();
        timeline(dossier.id(), now, actor, kind, dossier.status(), to, message);
        if (mail) {
            mails.statusChanged(dossier, to, mailNote);
        }
        events.publishEvent(new DossierStatusChanged(dossier.code(), dossier.agencyCode(), dossier.procedureCode(),
                dossier.channel(), dossier.status(), to, now));
        return lock(dossier.code());
    }

    void timeline(long dossierId, Instant at, String actor, String kind, DossierStatus from, DossierStatus to,
            String message) {
        jdbc.sql("""
                insert into dossier_event(dossier_id, occurred_at, actor, kind, from_status, to_status, message)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(dossierId, Timestamp.from(at), actor, kind, from == null ? null : from.national(),
                        to == null ? null : to.national(), message == null || message.isBlank() ? null : message.strip())
                .update();
    }
}
