package vn.dvc.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.dvc.organisation.Agencies;
import vn.dvc.shared.ApiConflict;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.ProblemException.FieldProblem;
import vn.dvc.shared.VietnamTime;

/** The public calendar of CONTRACT.md: due times by the rules of RULES.md §3, and the days off of a year. */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "Lịch làm việc", description = "Ngày nghỉ lễ, ngày làm việc và ngày hẹn trả kết quả (public)")
class CalendarApi {

    private final WorkingCalendar calendar;
    private final Agencies agencies;
    private final Clock clock;

    CalendarApi(WorkingCalendar calendar, Agencies agencies, Clock clock) {
        this.calendar = calendar;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** A deadline, in Vietnam time (+07:00). */
    record DueAnswer(OffsetDateTime effectiveReceivedAt, OffsetDateTime dueAt) {

        static DueAnswer of(Deadline deadline) {
            return new DueAnswer(deadline.effectiveReceivedAt().toOffsetDateTime(), deadline.dueAt().toOffsetDateTime());
        }
    }

    @ApiConflict("calendar.beyond-range: thời hạn vượt quá năm cuối cùng lịch trả lời (2100)")
    @GetMapping("/due")
    @Operation(summary = "The due time of a period of working days or working hours from a receipt",
            description = "Days: the day of receipt is not counted and the period ends at the close of the last "
                    + "working day (17:00); workingDays=0 is a same-day procedure (after 15:00: the next working "
                    + "day). Hours: only working hours count. Online submissions outside working hours count from "
                    + "the next working time. A period that runs past the last year the calendar answers (2100) "
                    + "is refused: 409 calendar.beyond-range.")
    DueAnswer due(
            @Parameter(description = "when the dossier was received: Vietnam local time (2021-02-05T16:30) or with "
                    + "an offset (2021-02-05T16:30:00+07:00)") @RequestParam String receivedAt,
            @Parameter(description = "the period in working days (0 = same day); give this or workingHours")
            @RequestParam(required = false) Integer workingDays,
            @Parameter(description = "the period in working hours; give this or workingDays")
            @RequestParam(required = false) Integer workingHours,
            @Parameter(description = "code of the agency whose working hours apply (default hours otherwise)")
            @RequestParam(required = false) String agency,
            @Parameter(description = "received through the portal (default true); false for the counter")
            @RequestParam(defaultValue = "true") boolean online) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDateTime received = receivedAt(receivedAt, problems);
        if (received != null && !HolidayRules.supports(received.getYear())) {
            problems.add(new FieldProblem("receivedAt", "calendar.validation.year",
                    String.valueOf(WorkingCalendar.FIRST_YEAR), String.valueOf(WorkingCalendar.LAST_YEAR)));
        }
        if ((workingDays == null) == (workingHours == null)) {
            problems.add(new FieldProblem("workingDays", "calendar.validation.period"));
        } else if ((workingDays != null ? workingDays : workingHours) < 0) {
            problems.add(new FieldProblem(workingDays != null ? "workingDays" : "workingHours",
                    "calendar.validation.negative"));
        }
        String agencyCode = agency == null || agency.isBlank() ? null : agency.strip();
        if (agencyCode != null && agencies.find(agencyCode).isEmpty()) {
            problems.add(new FieldProblem("agency", "calendar.validation.agency", agencyCode));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Deadline deadline = workingDays != null
                ? calendar.due(received, workingDays, TimeUnitKind.DAYS, agencyCode, online)
                : calendar.due(received, workingHours, TimeUnitKind.HOURS, agencyCode, online);
        return DueAnswer.of(deadline);
    }

    @GetMapping("/days-off")
    @Operation(summary = "The days off of a year: holidays, compensation days and announced ranges, without the "
            + "weekly rest days made working days",
            description = "Reasons are in Vietnamese. announced=false: computed by the rules (the lunar calendar for "
                    + "Tết and Hùng Kings' day) because the government has not announced that holiday yet. Ordinary "
                    + "weekends are not listed.")
    List<DayOff> daysOff(@Parameter(description = "the year, 2013 to 2100 (this year by default)")
            @RequestParam(required = false) Integer year) {
        return calendar.daysOff(year == null ? LocalDate.now(clock).getYear() : year);
    }

    /** Vietnam local time, or a time with an offset (a '+' sent unencoded arrives as a space). */
    static LocalDateTime receivedAt(String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem("receivedAt", "validation.required"));
            return null;
        }
        String text = value.strip().replace(' ', '+');
        try {
            if (text.length() > 16 && (text.endsWith("Z") || text.lastIndexOf('+') > 10 || text.lastIndexOf('-') > 10)) {
                return ZonedDateTime.parse(text).withZoneSameInstant(VietnamTime.ZONE).toLocalDateTime();
            }
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("receivedAt", "calendar.validation.received-at"));
            return null;
        }
    }
}
