package vn.dvc.deadline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvc.calendar.WorkingCalendar;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierStatus;
import vn.dvc.dossier.DossierTransitions;
import vn.dvc.identity.AccountContacts;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.Role;
import vn.dvc.notification.MailOutbox;
import vn.dvc.reception.Reception;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.ProblemException.FieldProblem;
import vn.dvc.shared.VietnamTime;

/**
 * The apology and new appointment (Circular 01/2018 form 04), issued by an officer of the agency when a dossier
 * will be late: once per dossier (the deadline moves at most once), with a reason and a new return date that is a
 * working day after the current due date, at least {@code app.deadline.apology-days-before} days before the due
 * date (RULES.md §2, [M]). The new appointment is kept beside the original due date, which stays the dossier's
 * due date for the statistics. Recorded in the timeline and mailed to the applicant with a link to the PDF.
 */
@Service
public class Apologies {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** The statuses in which the dossier is with the agency and may still be late. */
    static final Set<DossierStatus> OPEN = EnumSet.of(DossierStatus.ACCEPTED, DossierStatus.IN_PROGRESS,
            DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.PAYMENT_REQUESTED);

    private final Reception reception;
    private final DossierTransitions transitions;
    private final Deadlines deadlines;
    private final WorkingCalendar calendar;
    private final AccountContacts contacts;
    private final MailOutbox outbox;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int daysBefore;
    private final String publicUrl;

    Apologies(Reception reception, DossierTransitions transitions, Deadlines deadlines, WorkingCalendar calendar,
            AccountContacts contacts, MailOutbox outbox, MessageSource messages, JdbcClient jdbc, Clock clock,
            @Value("${app.deadline.apology-days-before:1}") int daysBefore,
            @Value("${app.public-url:http://localhost:8080}") String publicUrl) {
        this.reception = reception;
        this.transitions = transitions;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.contacts = contacts;
        this.outbox = outbox;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
        this.daysBefore = daysBefore;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** Whether an apology may be issued for the dossier now (for pages: offer the form only then). */
    public boolean mayIssue(Dossier dossier) {
        return OPEN.contains(dossier.status()) && dossier.dueAt() != null
                && deadlines.apology(dossier.id()).isEmpty() && !tooLate(dossier.dueAt());
    }

    /**
     * Issues the apology for a dossier of the officer's agency (reception officer, specialist or leader).
     *
     * @param newDueDate the new return date, {@code yyyy-MM-dd}
     * @throws InvalidInputException for a missing reason or a date that is not a working day after the due date
     * @throws ConflictException when one was issued already, the dossier is not with the agency, or it is too late
     */
    @Transactional
    public Apology issue(String code, AccountPrincipal officer, String reason, String newDueDate) {
        String agency = Officers.actingAgency(officer, Role.RECEPTION_OFFICER, Role.SPECIALIST, Role.LEADER);
        Dossier dossier = reception.find(code, officer);
        if (!OPEN.contains(dossier.status()) || dossier.dueAt() == null) {
            throw new ConflictException("deadline.apology.not-open", code);
        }
        if (deadlines.apology(dossier.id()).isPresent()) {
            throw new ConflictException("deadline.apology.already-issued", code);
        }
        String why = reason == null ? "" : reason.strip();
        LocalDate dueDate = dossier.dueAt().atZone(VietnamTime.ZONE).toLocalDate();
        List<FieldProblem> problems = new ArrayList<>();
        if (why.isEmpty()) {
            problems.add(new FieldProblem("reason", "deadline.apology.reason-required"));
        } else if (why.length() > 2000) {
            problems.add(new FieldProblem("reason", "deadline.text-too-long", 2000));
        }
        LocalDate date = null;
        try {
            date = newDueDate == null || newDueDate.isBlank() ? null : LocalDate.parse(newDueDate.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("newDueDate", "deadline.apology.date-invalid"));
        }
        if (date == null && problems.stream().noneMatch(p -> p.field().equals("newDueDate"))) {
            problems.add(new FieldProblem("newDueDate", "deadline.apology.date-required"));
        } else if (date != null && !date.isAfter(dueDate)) {
            problems.add(new FieldProblem("newDueDate", "deadline.apology.date-not-after-due", DATE.format(dueDate)));
        } else if (date != null && (date.isAfter(dueDate.plusYears(1)) || !calendar.isWorkingDay(date))) {
            problems.add(new FieldProblem("newDueDate", "deadline.apology.date-not-working-day", DATE.format(date)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (tooLate(dossier.dueAt())) {
            throw new ConflictException("deadline.apology.too-late", code, DATE.format(dueDate));
        }
        LocalDate newDate = date;
        Instant newDueAt = newDate.atTime(calendar.workingHours(agency).closesAt()).atZone(VietnamTime.ZONE).toInstant();
        String note = text("deadline.apology.note", DATE.format(newDate), why);
        Dossier locked = transitions.note(code, agency, officer.getUsername(), "APOLOGY_ISSUED", note);
        int inserted = jdbc.sql("""
                insert into deadline_apology(dossier_id, agency_code, reason, original_due_at, new_due_at, issued_at,
                                             officer, officer_name)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (dossier_id) do nothing""")
                .params(locked.id(), agency, why, Timestamp.from(locked.dueAt()), Timestamp.from(newDueAt),
                        Timestamp.from(clock.instant()), officer.getUsername(), Officers.name(officer))
                .update();
        if (inserted == 0) {
            throw new ConflictException("deadline.apology.already-issued", code);
        }
        contacts.mailbox(locked.applicantId()).ifPresent(box -> {
            Object[] args = {locked.code(), locked.procedureName(), box.name(),
                    DATE.format(dueDate), DATE.format(newDate), why, publicUrl + "/dossiers/" + locked.code() + "/apology.pdf",
                    publicUrl + "/dossiers/" + locked.code()};
            outbox.queue(box.address(), text("deadline.mail.apology.subject", args), text("deadline.mail.apology.body", args));
        });
        return deadlines.apology(locked.id()).orElseThrow();
    }

    /** Past the last day an apology may be issued: {@code daysBefore} days before the due day. */
    private boolean tooLate(Instant dueAt) {
        LocalDate today = clock.instant().atZone(VietnamTime.ZONE).toLocalDate();
        return today.isAfter(dueAt.atZone(VietnamTime.ZONE).toLocalDate().minusDays(daysBefore));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, VIETNAMESE);
    }
}
