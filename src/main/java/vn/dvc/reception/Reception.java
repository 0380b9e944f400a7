package vn.dvc.reception;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvc.calendar.Deadline;
import vn.dvc.calendar.TimeUnitKind;
import vn.dvc.calendar.WorkingCalendar;
import vn.dvc.catalogue.Channel;
import vn.dvc.catalogue.ChannelTerms;
import vn.dvc.catalogue.Procedures;
import vn.dvc.catalogue.TimeUnit;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierTransitions;
import vn.dvc.dossier.Dossiers;
import vn.dvc.dossier.OriginalOrCopy;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.Role;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.ProblemException.FieldProblem;
import vn.dvc.shared.VietnamTime;

/**
 * What a reception officer does with the dossiers of their agency: receive (with the due date from the
 * procedure's terms and the working calendar, and a numbered receipt, form 01), refuse (with a reason from
 * the maintained list), ask for a supplement, stop processing (with a reason). Roles are checked here; the agency is checked in the data
 * access, so another agency's dossier looks unknown.
 */
@Service
public class Reception {

    /** The receipt (form 01) of a received dossier. */
    public record Receipt(long dossierId, String agencyCode, int year, int number, Instant receivedAt, Instant dueAt,
            String officer, String officerName) {
    }

    /** Why a dossier was refused. */
    public record Refusal(String reasonCode, String reasonLabel, String text, Instant refusedAt, String officer) {

        /** The reason as form 03, the timeline and the mail state it. */
        public String statedReason() {
            return stated(reasonCode, reasonLabel, text);
        }
    }

    /**
     * A reason of the list, followed by the officer's text if any; for "other" the officer's text alone (the
     * label "Lý do khác" says nothing to the applicant).
     */
    static String stated(String code, String label, String text) {
        String note = text == null ? "" : text.strip();
        if (note.isEmpty()) {
            return label;
        }
        return RefusalReasons.OTHER.equals(code) ? note : label + ": " + note;
    }

    private final Dossiers dossiers;
    private final DossierTransitions transitions;
    private final Procedures procedures;
    private final WorkingCalendar calendar;
    private final RefusalReasons reasons;
    private final JdbcClient jdbc;
    private final Clock clock;

    Reception(Dossiers dossiers, DossierTransitions transitions, Procedures procedures, WorkingCalendar calendar,
            RefusalReasons reasons, JdbcClient jdbc, Clock clock) {
        this.dossiers = dossiers;
        this.transitions = transitions;
        this.procedures = procedures;
        this.calendar = calendar;
        this.reasons = reasons;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The agency of an officer who may see dossiers (reception officer, specialist, leader). */
    public static String officerAgency(AccountPrincipal officer) {
        if (officer == null || officer.agencyCode() == null
                || !(officer.has(Role.RECEPTION_OFFICER) || officer.has(Role.SPECIALIST) || officer.has(Role.LEADER))) {
            throw new AccessDeniedException("not an officer of an agency");
        }
        return officer.agencyCode();
    }

    /** A dossier of the officer's agency; another agency's looks unknown. */
    public Dossier find(String code, AccountPrincipal officer) {
        return dossiers.findAtAgency(code, officerAgency(officer))
                .orElseThrow(() -> new NotFoundException("dossier.not-found", code));
    }

    /** Receives a dossier now. */
    @Transactional
    public Dossier receive(String code, AccountPrincipal officer) {
        return receive(code, officer, clock.instant());
    }

    /** Receives a dossier at a given time (the counter's clock): due date, status 4, receipt number. */
    @Transactional
    Dossier receive(String code, AccountPrincipal officer, Instant at) {
        String agency = actingAgency(officer, Role.RECEPTION_OFFICER);
        Dossier dossier = dossiers.findAtAgency(code, agency)
                .orElseThrow(() -> new NotFoundException("dossier.not-found", code));
        Deadline deadline = deadline(dossier, at);
        Instant due = deadline.dueAt().toInstant();
        Dossier received = transitions.receive(code, agency, officer.getUsername(), at, due);
        int year = at.atZone(VietnamTime.ZONE).getYear();
        int number = jdbc.sql("""
                insert into reception_receipt_sequence(agency_code, year, last_value) values (?, ?, 1)
                on conflict (agency_code, year) do update set last_value = reception_receipt_sequence.last_value + 1
                returning last_value""").params(agency, year).query(Integer.class).single();
        jdbc.sql("""
                insert into reception_receipt(dossier_id, agency_code, year, number, received_at, due_at, officer,
                                              officer_name) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(received.id(), agency, year, number, Timestamp.from(at), Timestamp.from(due),
                        officer.getUsername(), officer.fullName() == null ? officer.getUsername() : officer.fullName())
                .update();
        return received;
    }

    /** Refuses a dossier (status 3) for a reason of the maintained list; "other" needs a text. */
    @Transactional
    public Dossier refuse(String code, AccountPrincipal officer, String reasonCode, String text) {
        String agency = actingAgency(officer, Role.RECEPTION_OFFICER);
        String note = text == null ? "" : text.strip();
        var reason = reasons.find(reasonCode == null ? "" : reasonCode.strip()).orElseThrow(() ->
                new InvalidInputException(List.of(new FieldProblem("reasonCode", "reception.refuse.reason-unknown"))));
        if (RefusalReasons.OTHER.equals(reason.code()) && note.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldProblem("text", "reception.refuse.text-required")));
        }
        if (note.length() > 2000) {
            throw new InvalidInputException(List.of(new FieldProblem("text", "reception.text-too-long", 2000)));
        }
        Dossier refused = transitions.refuse(code, agency, officer.getUsername(), reason.code(),
                stated(reason.code(), reason.label(), note));
        jdbc.sql("""
                insert into reception_refusal(dossier_id, reason_code, text, refused_at, officer)
                values (?, ?, ?, ?, ?)""")
                .params(refused.id(), reason.code(), note.isEmpty() ? null : note, Timestamp.from(clock.instant()),
                        officer.getUsername())
                .update();
        return refused;
    }

    /** Asks for every missing item in one request (form 02), with the reason. */
    @Transactional
    public Dossier requestSupplement(String code, AccountPrincipal officer, List<String> items, String reason) {
        return requestSupplement(code, officer, items, null, reason);
    }

    /**
     * Asks for every missing item in one request (form 02), with the reason; {@code forms[i]} says whether item
     * {@code i} is asked as an original, a certified copy or a photocopy ({@link OriginalOrCopy} names; blank or
     * missing: not said, as for a correction of the form). Blank items are dropped with their form.
     */
    @Transactional
    public Dossier requestSupplement(String code, AccountPrincipal officer, List<String> items, List<String> forms,
            String reason) {
        String agency = actingAgency(officer, Role.RECEPTION_OFFICER, Role.SPECIALIST);
        List<String> given = items == null ? List.of() : items;
        List<String> givenForms = forms == null ? List.of() : forms;
        if (givenForms.size() > given.size()) {
            throw new InvalidInputException(List.of(new FieldProblem("itemForms",
                    "reception.supplement.forms-too-many")));
        }
        List<String> listed = new java.util.ArrayList<>();
        List<OriginalOrCopy> listedForms = new java.util.ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String item = given.get(i);
            String form = i < givenForms.size() && givenForms.get(i) != null ? givenForms.get(i).strip() : "";
            if (item == null || item.isBlank()) {
                continue;
            }
            listed.add(item.strip());
            try {
                listedForms.add(form.isEmpty() ? null : OriginalOrCopy.valueOf(form));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(List.of(new FieldProblem("itemForms",
                        "reception.supplement.form-unknown")));
            }
        }
        if (listed.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldProblem("items", "reception.supplement.items-required")));
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(List.of(new FieldProblem("reason", "reception.supplement.reason-required")));
        }
        if (listed.stream().anyMatch(i -> i.length() > 500)) {
            throw new InvalidInputException(List.of(new FieldProblem("items", "reception.supplement.item-too-long",
                    500)));
        }
        if (reason.length() > 2000) {
            throw new InvalidInputException(List.of(new FieldProblem("reason", "reception.text-too-long", 2000)));
        }
        return transitions.requestSupplement(code, agency, officer.getUsername(), listed, listedForms, reason.strip());
    }

    /** The roles that may stop the processing of a dossier of their agency (ADR 0029). */
    static final java.util.Set<Role> MAY_STOP = java.util.EnumSet.of(Role.RECEPTION_OFFICER, Role.LEADER);

    /** Whether this officer's role may stop processing (for pages that offer only what can be done). */
    public static boolean mayStop(AccountPrincipal officer) {
        return officer != null && MAY_STOP.stream().anyMatch(officer::has);
    }

    /**
     * Stops the processing of a dossier of the officer's agency (status 8) with the reason, which the applicant is
     * told: the agency's leader, or the reception officer, who speaks to the applicant for the agency (ADR 0029).
     * A specialist asks the leader. The open processing step ends (processing module).
     */
    @Transactional
    public Dossier stop(String code, AccountPrincipal officer, String reason) {
        String agency = actingAgency(officer, MAY_STOP.toArray(Role[]::new));
        return transitions.stop(code, agency, officer.getUsername(), reason);
    }

    /** The receipt of a received dossier. */
    public Optional<Receipt> receipt(long dossierId) {
        return jdbc.sql("""
                select dossier_id, agency_code, year, number, received_at, due_at, officer, officer_name
                  from reception_receipt where dossier_id = ?""").param(dossierId)
                .query((rs, n) -> new Receipt(rs.getLong("dossier_id"), rs.getString("agency_code"), rs.getInt("year"),
                        rs.getInt("number"), rs.getTimestamp("received_at").toInstant(),
                        rs.getTimestamp("due_at").toInstant(), rs.getString("officer"), rs.getString("officer_name")))
                .optional();
    }

    /** Why a dossier was refused, if it was. */
    public Optional<Refusal> refusal(long dossierId) {
        return jdbc.sql("""
                select f.reason_code, r.label, f.text, f.refused_at, f.officer
                  from reception_refusal f join reception_refusal_reason r on r.code = f.reason_code
                 where f.dossier_id = ?""").param(dossierId)
                .query((rs, n) -> new Refusal(rs.getString("reason_code"), rs.getString("label"), rs.getString("text"),
                        rs.getTimestamp("refused_at").toInstant(), rs.getString("officer")))
                .optional();
    }

    /**
     * The due date of a dossier received at {@code at}: the legal processing time of its procedure version for
     * its channel, counted on the agency's working calendar. Fractions of a working day count as working hours
     * (one day is 8 hours).
     */
    public Deadline deadline(Dossier dossier, Instant at) {
        ChannelTerms terms = procedures.findVersion(dossier.procedureVersionId())
                .flatMap(p -> p.terms(dossier.channel()))
                .filter(t -> t.processingTime() != null && t.timeUnit() != null)
                .orElseThrow(() -> new ConflictException("reception.receive.no-terms", dossier.code(),
                        dossier.procedureCode()));
        BigDecimal amount = terms.processingTime();
        TimeUnitKind unit;
        int length;
        if (terms.timeUnit() == TimeUnit.WORKING_DAYS && amount.stripTrailingZeros().scale() <= 0) {
            unit = TimeUnitKind.DAYS;
            length = amount.intValueExact();
        } else {
            BigDecimal hours = terms.timeUnit() == TimeUnit.WORKING_DAYS ? amount.multiply(BigDecimal.valueOf(8)) : amount;
            unit = TimeUnitKind.HOURS;
            length = hours.setScale(0, RoundingMode.CEILING).intValueExact();
        }
        return calendar.due(at.atZone(VietnamTime.ZONE), length, unit, dossier.agencyCode(),
                dossier.channel() == Channel.ONLINE);
    }

    private static String actingAgency(AccountPrincipal officer, Role... mayAct) {
        String agency = officerAgency(officer);
        for (Role role : mayAct) {
            if (officer.has(role)) {
                return agency;
            }
        }
        throw new AccessDeniedException("this role may not take the action");
    }
}
