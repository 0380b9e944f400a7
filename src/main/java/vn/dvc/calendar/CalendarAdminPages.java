package vn.dvc.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvc.calendar.CalendarAdministration.DaysOffRequest;
import vn.dvc.calendar.CalendarAdministration.HoursRequest;
import vn.dvc.calendar.CalendarAdministration.WorkingDayRequest;
import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.Agency;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.ProblemException.FieldProblem;
import vn.dvc.shared.VietnamTime;

/**
 * Administration of the calendar by the provincial coordinator and the system administrator: a year's
 * days off, the government's announced ranges and swapped working days, and agencies' own working
 * hours. {@link CalendarAdministration} checks the role again.
 */
@Controller
@RequestMapping("/admin/calendar")
@PreAuthorize("hasAnyRole('PROVINCIAL_COORDINATOR', 'SYSTEM_ADMIN')")
class CalendarAdminPages {

    private static final int CHANGES_SHOWN = 20;

    private final CalendarAdministration administration;
    private final WorkingCalendar calendar;
    private final Agencies agencies;
    private final MessageSource messages;
    private final Clock clock;

    CalendarAdminPages(CalendarAdministration administration, WorkingCalendar calendar, Agencies agencies,
            MessageSource messages, Clock clock) {
        this.administration = administration;
        this.calendar = calendar;
        this.agencies = agencies;
        this.messages = messages;
        this.clock = clock;
    }

    /** An announcement as listed, with the recording time in Vietnam time. */
    record AnnouncementRow(long id, boolean workingDay, List<String> holidays, LocalDate firstDay, LocalDate lastDay,
            String reason, String source, String recordedBy, ZonedDateTime recordedAt) {
    }

    /** An agency with its own hours. */
    record HoursRow(String agencyCode, String agencyName, WorkingHours hours) {
    }

    /** One line of the audit, in Vietnam time. */
    record ChangeRow(String action, LocalDate firstDay, LocalDate lastDay, String agencyCode, String detail,
            String actor, ZonedDateTime recordedAt) {
    }

    /** One option of a choice. */
    record Choice(String value, String label) {
    }

    @ModelAttribute("errors")
    Map<String, String> noErrors() {
        return Map.of();
    }

    @GetMapping
    String page(@RequestParam(required = false) Integer year, Model model) {
        int shown = year != null && HolidayRules.supports(year) ? year : LocalDate.now(clock).getYear();
        return page(shown, new DaysOffRequest(null, null, List.of(), null, null),
                new WorkingDayRequest(null, null, null), new HoursRequest(null, null, null, null, null), model);
    }

    @PostMapping("/days-off")
    String announceDaysOff(@ModelAttribute DaysOffRequest request, @RequestParam(required = false) Integer year,
            Model model, HttpServletResponse response, RedirectAttributes flash) {
        return attempt(() -> administration.announceDaysOff(request).firstDay().getYear(),
                "calendar.admin.days-off.added", flash, model, response,
                () -> page(yearOf(request.firstDay(), year), request, new WorkingDayRequest(null, null, null),
                        new HoursRequest(null, null, null, null, null), model));
    }

    @PostMapping("/working-days")
    String announceWorkingDay(@ModelAttribute WorkingDayRequest request, @RequestParam(required = false) Integer year,
            Model model, HttpServletResponse response, RedirectAttributes flash) {
        return attempt(() -> administration.announceWorkingDay(request).firstDay().getYear(),
                "calendar.admin.working-day.added", flash, model, response,
                () -> page(yearOf(request.day(), year), new DaysOffRequest(null, null, List.of(), null, null), request,
                        new HoursRequest(null, null, null, null, null), model));
    }

    @PostMapping("/announcements/{id}/remove")
    String remove(@PathVariable long id, RedirectAttributes flash) {
        Announcement removed = administration.remove(id);
        flash.addFlashAttribute("notice", "calendar.admin.removed");
        return "redirect:/admin/calendar?year=" + removed.firstDay().getYear();
    }

    @PostMapping("/hours")
    String setHours(@ModelAttribute HoursRequest request, @RequestParam(required = false) Integer year, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        int shown = year != null && HolidayRules.supports(year) ? year : LocalDate.now(clock).getYear();
        return attempt(() -> {
            administration.setHours(request);
            return shown;
        }, "calendar.admin.hours.set", flash, model, response,
                () -> page(shown, new DaysOffRequest(null, null, List.of(), null, null),
                        new WorkingDayRequest(null, null, null), request, model));
    }

    @PostMapping("/hours/{code}/remove")
    String removeHours(@PathVariable String code, @RequestParam(required = false) Integer year,
            RedirectAttributes flash) {
        administration.removeHours(code);
        flash.addFlashAttribute("notice", "calendar.admin.hours.removed");
        return "redirect:/admin/calendar" + (year != null && HolidayRules.supports(year) ? "?year=" + year : "");
    }

    private String page(int year, DaysOffRequest daysOff, WorkingDayRequest workingDay, HoursRequest hours,
            Model model) {
        model.addAttribute("year", year);
        model.addAttribute("previousYear", year > WorkingCalendar.FIRST_YEAR ? year - 1 : null);
        model.addAttribute("nextYear", year < WorkingCalendar.LAST_YEAR ? year + 1 : null);
        model.addAttribute("days", calendar.daysOff(year));
        model.addAttribute("announcements", administration.announcements(year).stream()
                .map(a -> new AnnouncementRow(a.id(), a.kind() == Announcement.Kind.WORKING_DAY,
                        a.holidays().stream().map(Enum::name).toList(), a.firstDay(), a.lastDay(), a.reason(),
                        a.source(), a.recordedBy(), a.recordedAt().atZone(VietnamTime.ZONE)))
                .toList());
        model.addAttribute("defaultHours", calendar.workingHours(null));
        model.addAttribute("agencyHours", administration.agencyHours().entrySet().stream()
                .map(e -> new HoursRow(e.getKey(), agencies.find(e.getKey()).map(Agency::name).orElse(e.getKey()),
                        e.getValue()))
                .toList());
        model.addAttribute("agencyChoices", agencies.active(null).stream()
                .map(a -> new Choice(a.code(), a.name() + " (" + a.code() + ")")).toList());
        model.addAttribute("holidayChoices", List.of(Holiday.values()).stream().map(Enum::name).toList());
        model.addAttribute("changes", administration.recentChanges(CHANGES_SHOWN).stream()
                .map(c -> new ChangeRow(c.action(), c.firstDay(), c.lastDay(), c.agencyCode(), c.detail(), c.actor(),
                        c.recordedAt().atZone(VietnamTime.ZONE)))
                .toList());
        model.addAttribute("daysOffForm", daysOff);
        model.addAttribute("workingDayForm", workingDay);
        model.addAttribute("hoursForm", hours);
        return "calendar/admin";
    }

    /**
     * Runs a change; on success back to the page of the year changed with a notice, otherwise the page
     * again with what was typed and the reasons next to the fields (400), or above them (409).
     */
    private String attempt(IntSupplier change, String notice, RedirectAttributes flash, Model model,
            HttpServletResponse response, java.util.function.Supplier<String> form) {
        int year;
        try {
            year = change.getAsInt();
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus((e instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST).value());
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldProblem problem : e.fieldProblems()) {
                errors.putIfAbsent(problem.field(), message(problem.messageKey(), problem.args().toArray()));
            }
            model.addAttribute("errors", errors);
            if (errors.isEmpty()) {
                model.addAttribute("problem", message(e.messageKey(), e.args()));
            }
            return form.get();
        }
        flash.addFlashAttribute("notice", notice);
        return "redirect:/admin/calendar?year=" + year;
    }

    /** The year of the date typed, to show that year again with the errors; else the year the form was on. */
    private int yearOf(String typed, Integer formYear) {
        try {
            String value = typed == null ? "" : typed.strip();
            int year = value.contains("/") ? LocalDate.parse(value, DateTimeFormatter.ofPattern("d/M/uuuu")).getYear()
                    : LocalDate.parse(value).getYear();
            if (HolidayRules.supports(year)) {
                return year;
            }
        } catch (DateTimeParseException e) {
            // fall back to the year the form was on
        }
        return formYear != null && HolidayRules.supports(formYear) ? formYear : LocalDate.now(clock).getYear();
    }

    private String message(String key, Object[] args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** An announcement or agency hours that do not exist (any more): the ordinary "not found" page. */
    @ControllerAdvice(assignableTypes = CalendarAdminPages.class)
    static class NotFoundPage {

        @ExceptionHandler(NotFoundException.class)
        ModelAndView notFound() {
            return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
        }
    }
}
