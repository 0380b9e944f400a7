package vn.dvc.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.dvc.shared.ConflictException;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.ProblemException.FieldProblem;

/** The public calendar page: a year's days off and the working hours, with a due-date calculator. */
@Controller
@RequestMapping("/calendar")
class CalendarPages {

    private final WorkingCalendar calendar;
    private final MessageSource messages;
    private final Clock clock;

    CalendarPages(WorkingCalendar calendar, MessageSource messages, Clock clock) {
        this.calendar = calendar;
        this.messages = messages;
        this.clock = clock;
    }

    /** The calculator's fields as typed. */
    record DueForm(String receivedAt, String amount, String unit, boolean online) {
    }

    @GetMapping
    String days(@RequestParam(required = false) String year, @RequestParam(required = false) String receivedAt,
            @RequestParam(required = false) String amount, @RequestParam(required = false) String unit,
            @RequestParam(required = false) String online, Model model, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        int shown = year(year, LocalDate.now(clock).getYear(), errors);
        boolean asked = receivedAt != null;
        DueForm form = new DueForm(receivedAt, amount == null ? "5" : amount, "HOURS".equals(unit) ? "HOURS" : "DAYS",
                !asked || "true".equals(online));
        if (asked) {
            try {
                model.addAttribute("deadline", due(form));
            } catch (InvalidInputException e) {
                for (FieldProblem p : e.fieldProblems()) {
                    errors.putIfAbsent(p.field(), message(p.messageKey(), p.args().toArray()));
                }
                if (e.fieldProblems().isEmpty()) {
                    errors.put("amount", message(e.messageKey(), e.args()));
                }
            } catch (ConflictException e) { // the period runs past the last year the calendar answers
                errors.put("amount", message(e.messageKey(), e.args()));
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("year", shown);
        model.addAttribute("previousYear", shown > WorkingCalendar.FIRST_YEAR ? shown - 1 : null);
        model.addAttribute("nextYear", shown < WorkingCalendar.LAST_YEAR ? shown + 1 : null);
        model.addAttribute("days", calendar.daysOff(shown));
        model.addAttribute("hours", calendar.workingHours(null));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "calendar/days-off";
    }

    private Deadline due(DueForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDateTime received = CalendarApi.receivedAt(form.receivedAt(), problems);
        Integer amount = null;
        try {
            amount = Integer.valueOf(form.amount() == null ? "" : form.amount().strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem("amount", "calendar.validation.amount"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return calendar.due(received, amount, TimeUnitKind.valueOf(form.unit()), null, form.online());
    }

    /** The year asked for, or this year when it is missing or not a year the calendar covers. */
    private int year(String value, int thisYear, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return thisYear;
        }
        try {
            int year = Integer.parseInt(value.strip());
            if (HolidayRules.supports(year)) {
                return year;
            }
        } catch (NumberFormatException e) {
            // shown as the error below
        }
        errors.put("year", message("calendar.validation.year", new Object[] {String.valueOf(WorkingCalendar.FIRST_YEAR),
                String.valueOf(WorkingCalendar.LAST_YEAR)}));
        return thisYear;
    }

    private String message(String key, Object[] args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
