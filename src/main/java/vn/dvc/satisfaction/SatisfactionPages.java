package vn.dvc.satisfaction;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.CurrentUser;
import vn.dvc.identity.Role;
import vn.dvc.organisation.Agencies;
import vn.dvc.satisfaction.SatisfactionRatings.RatingInput;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.ProblemException.FieldProblem;
import vn.dvc.shared.VietnamTime;

/**
 * The rating form's target (the form itself is the fragment {@code satisfaction/rating} on the applicant's
 * dossier page) and the public page of satisfaction figures.
 */
@Controller
class SatisfactionPages {

    private final SatisfactionRatings ratings;
    private final SatisfactionStatistics statistics;
    private final CurrentUser currentUser;
    private final Agencies agencies;
    private final MessageSource messages;
    private final Clock clock;

    SatisfactionPages(SatisfactionRatings ratings, SatisfactionStatistics statistics, CurrentUser currentUser,
            Agencies agencies, MessageSource messages, Clock clock) {
        this.ratings = ratings;
        this.statistics = statistics;
        this.currentUser = currentUser;
        this.agencies = agencies;
        this.messages = messages;
        this.clock = clock;
    }

    @PostMapping("/dossiers/{code}/rating")
    String rate(@PathVariable String code, @RequestParam(required = false) String rating,
            @RequestParam(required = false) String comment, HttpServletRequest request, RedirectAttributes redirect,
            Locale locale) {
        AccountPrincipal applicant = currentUser.principal().filter(p -> p.has(Role.APPLICANT))
                .orElseThrow(() -> new AccessDeniedException("not an applicant"));
        Map<String, String> indicators = new LinkedHashMap<>();
        for (Indicator i : Indicator.values()) {
            String value = request.getParameter("indicator." + i.field());
            if (value != null) {
                indicators.put(i.field(), value);
            }
        }
        try {
            ratings.rate(code, applicant.id(), new RatingInput(rating, comment, indicators));
            redirect.addFlashAttribute("done", "satisfaction.done");
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldProblem p : e.fieldProblems()) {
                errors.putIfAbsent(p.field(), messages.getMessage(p.messageKey(), p.args().toArray(), locale));
            }
            redirect.addFlashAttribute("ratingErrors", errors);
            redirect.addFlashAttribute("ratingForm", Map.of("rating", rating == null ? "" : rating,
                    "comment", comment == null ? "" : comment, "indicators", indicators));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("errors", List.of(messages.getMessage(e.messageKey(), e.args(), locale)));
        }
        return "redirect:/dossiers/" + code + "#rating";
    }

    @GetMapping("/statistics/satisfaction")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String agency, Model model, HttpServletResponse response, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("from", from == null ? "" : from);
        form.put("to", to == null ? "" : to);
        form.put("agency", agency == null ? "" : agency);
        try {
            SatisfactionPeriod p = SatisfactionPeriod.parse(from, to, agency, clock, agencies);
            form.put("from", p.from().toString());
            form.put("to", p.to().toString());
            model.addAttribute("period", p);
            model.addAttribute("total", statistics.total(p.agency(), p.from(), p.to()));
            model.addAttribute("rows", p.agency() == null ? statistics.byAgency(p.from(), p.to())
                    : statistics.byProcedure(p.agency(), p.from(), p.to()));
            model.addAttribute("agencyName", p.agency() == null ? null
                    : agencies.find(p.agency()).map(a -> a.name()).orElse(p.agency()));
        } catch (InvalidInputException e) {
            for (FieldProblem p : e.fieldProblems()) {
                errors.putIfAbsent(p.field(), messages.getMessage(p.messageKey(), p.args().toArray(), locale));
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        model.addAttribute("thisYear", today.withDayOfYear(1).toString());
        model.addAttribute("lastYearFrom", today.withDayOfYear(1).minusYears(1).toString());
        model.addAttribute("lastYearTo", today.withDayOfYear(1).minusDays(1).toString());
        model.addAttribute("today", today.toString());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("indicators", Indicator.values());
        return "satisfaction/statistics";
    }

    /** Another applicant's dossier, or an unknown one, is the ordinary "not found" page. */
    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }
}
