package vn.dvc.ranking;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.dvc.ranking.ServiceIndex.PartKind;
import vn.dvc.ranking.YearlyRanking.RankingReport;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.ProblemException.FieldProblem;
import vn.dvc.shared.VietnamTime;

/** The public page of a year's ranking. */
@Controller
class RankingPages {

    private final YearlyRanking ranking;
    private final MessageSource messages;
    private final Clock clock;

    RankingPages(YearlyRanking ranking, MessageSource messages, Clock clock) {
        this.ranking = ranking;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/ranking")
    String thisYear() {
        return "redirect:/ranking/" + LocalDate.now(clock.withZone(VietnamTime.ZONE)).getYear();
    }

    @GetMapping("/ranking/{year}")
    String page(@PathVariable String year, Model model, HttpServletResponse response, Locale locale) {
        int thisYear = LocalDate.now(clock.withZone(VietnamTime.ZONE)).getYear();
        model.addAttribute("thisYear", thisYear);
        model.addAttribute("firstYear", YearlyRanking.FIRST_YEAR);
        model.addAttribute("components", RankingComponent.values());
        model.addAttribute("parts", PartKind.values());
        try {
            int y;
            try {
                y = Integer.parseInt(year.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(java.util.List.of(new FieldProblem("year", "ranking.validation.year",
                        String.valueOf(YearlyRanking.FIRST_YEAR), String.valueOf(thisYear))));
            }
            RankingReport report = ranking.ranking(y);
            model.addAttribute("report", report);
            model.addAttribute("year", y);
            model.addAttribute("maxScore", report.agencies().stream().map(RankedAgency::score)
                    .filter(s -> s != null).max(BigDecimal::compareTo).orElse(BigDecimal.valueOf(100)));
        } catch (InvalidInputException e) {
            FieldProblem p = e.fieldProblems().get(0);
            model.addAttribute("error", messages.getMessage(p.messageKey(), p.args().toArray(), locale));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return "ranking/year";
    }
}
