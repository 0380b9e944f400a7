package vn.dvc.ranking;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.Agency;
import vn.dvc.payment.OnlinePaymentShares;
import vn.dvc.payment.OnlinePaymentShares.Share;
import vn.dvc.planning.PlanTracking;
import vn.dvc.planning.PlanTracking.AgencyProgress;
import vn.dvc.planning.PlanTracking.TrackingReport;
import vn.dvc.satisfaction.SatisfactionFigures;
import vn.dvc.satisfaction.SatisfactionStatistics;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.ProblemException.FieldProblem;
import vn.dvc.shared.VietnamTime;
import vn.dvc.statistics.ProcessingFigures;
import vn.dvc.statistics.ProcessingStatistics;
import vn.dvc.statistics.ProcessingStatistics.AgencyFigures;

/**
 * A year's ranking of agencies: gathers each agency's figures of the year (1 January to 31 December, or to
 * today for the current year) from planning, statistics, payment and satisfaction, and scores them with the
 * configured {@link RankingWeights}.
 */
@Service
public class YearlyRanking {

    /** The first year that can be ranked. */
    public static final int FIRST_YEAR = 2015;

    /**
     * A year's ranking.
     *
     * @param provisional the year is not over: figures up to {@code to}
     * @param province the province's service index (sums of all agencies' inputs)
     */
    public record RankingReport(int year, LocalDate from, LocalDate to, boolean provisional,
            Map<RankingComponent, BigDecimal> weights, List<RankedAgency> agencies,
            Map<RankingComponent, Fraction> provinceInputs, ServiceIndex province) {
    }

    private final PlanTracking tracking;
    private final ProcessingStatistics statistics;
    private final OnlinePaymentShares payments;
    private final SatisfactionStatistics satisfaction;
    private final Agencies agencies;
    private final RankingWeights weights;
    private final Clock clock;

    YearlyRanking(PlanTracking tracking, ProcessingStatistics statistics, OnlinePaymentShares payments,
            SatisfactionStatistics satisfaction, Agencies agencies, RankingWeights weights, Clock clock) {
        this.tracking = tracking;
        this.statistics = statistics;
        this.payments = payments;
        this.satisfaction = satisfaction;
        this.agencies = agencies;
        this.weights = weights;
        this.clock = clock;
    }

    /** The ranking of the year with the configured weights. */
    public RankingReport ranking(int year) {
        return ranking(year, weights);
    }

    /** The ranking of the year with the given weights. */
    @Transactional(readOnly = true)
    public RankingReport ranking(int year, RankingWeights weights) {
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        if (year < FIRST_YEAR || year > today.getYear()) {
            throw new InvalidInputException(List.of(new FieldProblem("year", "ranking.validation.year", String.valueOf(FIRST_YEAR),
                    String.valueOf(today.getYear()))));
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate to = today.isBefore(end) ? today : end;

        Map<String, Map<RankingComponent, Fraction>> inputs = new java.util.HashMap<>();
        Set<String> codes = new LinkedHashSet<>();
        Optional<TrackingReport> plan = tracking.track(year);
        plan.ifPresent(report -> {
            for (AgencyProgress a : report.agencies()) {
                if (a.planned() > 0) {
                    put(inputs, codes, a.agencyCode(), RankingComponent.DEPLOYMENT,
                            new Fraction(a.plannedLive(), a.planned()));
                }
            }
        });
        List<AgencyFigures> processing = statistics.byAgency(null, from, to);
        for (AgencyFigures a : processing) {
            ProcessingFigures f = a.figures();
            put(inputs, codes, a.agencyCode(), RankingComponent.ON_TIME,
                    new Fraction(f.resolvedEarly() + f.resolvedOnTime(), f.totalResolved()));
            put(inputs, codes, a.agencyCode(), RankingComponent.ONLINE,
                    new Fraction(f.receivedOnline(), f.totalReceived()));
        }
        Map<String, Share> shares = payments.byAgency(from, to);
        shares.values().forEach(s -> put(inputs, codes, s.agencyCode(), RankingComponent.ONLINE_PAYMENT,
                new Fraction(s.paidOnline(), s.withFee())));
        List<SatisfactionFigures> ratings = satisfaction.byAgency(from, to);
        ratings.forEach(r -> put(inputs, codes, r.agencyCode(), RankingComponent.SATISFACTION,
                new Fraction(r.satisfiedOrBetter(), r.ratings())));

        List<RankingCalculator.Inputs> rows = new ArrayList<>();
        for (String code : codes) {
            Optional<Agency> agency = agencies.find(code);
            rows.add(new RankingCalculator.Inputs(code, agency.map(Agency::name).orElse(code),
                    agency.map(Agency::level).orElse(null), inputs.get(code)));
        }
        ProcessingFigures all = ProcessingStatistics.total(processing, from, to);
        Map<RankingComponent, Fraction> province = new EnumMap<>(RankingComponent.class);
        plan.ifPresent(report -> province.put(RankingComponent.DEPLOYMENT, new Fraction(
                report.services().stream().filter(PlanTracking.ServiceProgress::live).count(),
                report.services().size())));
        province.put(RankingComponent.ON_TIME, new Fraction(all.resolvedEarly() + all.resolvedOnTime(),
                all.totalResolved()));
        province.put(RankingComponent.ONLINE, new Fraction(all.receivedOnline(), all.totalReceived()));
        province.put(RankingComponent.ONLINE_PAYMENT, new Fraction(
                shares.values().stream().mapToLong(Share::paidOnline).sum(),
                shares.values().stream().mapToLong(Share::withFee).sum()));
        province.put(RankingComponent.SATISFACTION, new Fraction(
                ratings.stream().mapToLong(SatisfactionFigures::satisfiedOrBetter).sum(),
                ratings.stream().mapToLong(SatisfactionFigures::ratings).sum()));
        return new RankingReport(year, from, to, to.isBefore(end), weights.asMap(),
                RankingCalculator.rank(rows, weights), province, ServiceIndex.of(province));
    }

    private static void put(Map<String, Map<RankingComponent, Fraction>> inputs, Set<String> codes, String code,
            RankingComponent component, Fraction fraction) {
        codes.add(code);
        inputs.computeIfAbsent(code, k -> new EnumMap<>(RankingComponent.class)).put(component, fraction);
    }
}
