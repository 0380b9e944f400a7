package vn.dvc.satisfaction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierStatus;
import vn.dvc.dossier.Dossiers;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.ProblemException.FieldProblem;

/**
 * The applicant's rating of a dossier: only the dossier's own applicant (another one is told the dossier does
 * not exist), only once, only after the result was delivered (status 10). Bad input is refused with
 * Vietnamese messages and nothing is stored.
 */
@Service
public class SatisfactionRatings {

    /** The longest comment, in characters. */
    public static final int COMMENT_MAX = 1000;

    /** A rating as typed: the satisfaction level, a comment, indicator scores by field name ("" = left out). */
    public record RatingInput(String rating, String comment, Map<String, String> indicators) {
    }

    /** What the dossier page shows: the rating if there is one, else whether the form is offered. */
    public record RatingState(boolean rateable, SatisfactionRating rating) {
    }

    private static final String COLUMNS;

    static {
        StringBuilder columns = new StringBuilder("dossier_code, agency_code, procedure_code, procedure_name, "
                + "applicant_id, rating, comment, rated_at");
        for (Indicator i : Indicator.values()) {
            columns.append(", ").append(i.column());
        }
        COLUMNS = columns.toString();
    }

    private final JdbcClient jdbc;
    private final Dossiers dossiers;
    private final Clock clock;

    SatisfactionRatings(JdbcClient jdbc, Dossiers dossiers, Clock clock) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.clock = clock;
    }

    /** Whether a dossier in this status may be rated: only once its result was delivered. */
    public static boolean rateable(DossierStatus status) {
        return status == DossierStatus.RESULT_DELIVERED;
    }

    /** Records the applicant's rating of the dossier; answers it as stored. */
    @Transactional
    public SatisfactionRating rate(String dossierCode, long applicantId, RatingInput input) {
        Dossier dossier = owned(dossierCode, applicantId);
        Parsed parsed = parse(input);
        if (!rateable(dossier.status())) {
            throw new ConflictException("satisfaction.not-delivered", dossier.code());
        }
        Instant now = clock.instant();
        List<Object> params = new ArrayList<>(List.of(dossier.code(), dossier.agencyCode(), dossier.procedureCode(),
                dossier.procedureName(), applicantId, parsed.rating().name()));
        params.add(parsed.comment());
        params.add(Timestamp.from(now));
        StringBuilder values = new StringBuilder("?, ?, ?, ?, ?, ?, ?, ?");
        for (Indicator i : Indicator.values()) {
            params.add(parsed.scores().get(i));
            values.append(", ?");
        }
        int inserted = jdbc.sql("insert into satisfaction_rating(" + COLUMNS + ") values (" + values
                + ") on conflict (dossier_code) do nothing").params(params).update();
        if (inserted == 0) {
            throw new ConflictException("satisfaction.already-rated", dossier.code());
        }
        return new SatisfactionRating(dossier.code(), dossier.agencyCode(), dossier.procedureCode(),
                dossier.procedureName(), applicantId, parsed.rating(), parsed.comment(), parsed.scores(), now);
    }

    /** The rating of the applicant's own dossier, if given; another applicant's dossier is not found. */
    @Transactional(readOnly = true)
    public Optional<SatisfactionRating> find(String dossierCode, long applicantId) {
        Dossier dossier = owned(dossierCode, applicantId);
        return stored(dossier.code());
    }

    /** Whether the applicant's own dossier can be rated now (delivered, not yet rated). */
    @Transactional(readOnly = true)
    public boolean rateableNow(String dossierCode, long applicantId) {
        return state(owned(dossierCode, applicantId)).rateable();
    }

    /** For the owner's dossier page: the rating given, or whether the form may be shown. */
    @Transactional(readOnly = true)
    public RatingState state(Dossier dossier) {
        SatisfactionRating rating = stored(dossier.code()).orElse(null);
        return new RatingState(rating == null && rateable(dossier.status()), rating);
    }

    private Optional<SatisfactionRating> stored(String dossierCode) {
        return jdbc.sql("select " + COLUMNS + " from satisfaction_rating where dossier_code = ?").param(dossierCode)
                .query(SatisfactionRatings::map).optional();
    }

    private Dossier owned(String dossierCode, long applicantId) {
        return dossiers.findOwned(dossierCode == null ? "" : dossierCode.strip(), applicantId)
                .orElseThrow(() -> new NotFoundException("satisfaction.dossier-not-found", dossierCode));
    }

    private record Parsed(Rating rating, String comment, Map<Indicator, Integer> scores) {
    }

    /** Checks everything typed; every problem at once, in Vietnamese (or English) messages. */
    static Parsed parse(RatingInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        Rating rating = null;
        String typed = input.rating() == null ? "" : input.rating().strip();
        if (typed.isEmpty()) {
            problems.add(new FieldProblem("rating", "satisfaction.validation.rating-required"));
        } else {
            try {
                rating = Rating.valueOf(typed.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("rating", "satisfaction.validation.rating"));
            }
        }
        String comment = input.comment() == null ? null : input.comment().strip();
        if (comment != null && comment.isEmpty()) {
            comment = null;
        }
        if (comment != null && comment.codePointCount(0, comment.length()) > COMMENT_MAX) {
            problems.add(new FieldProblem("comment", "satisfaction.validation.comment", String.valueOf(COMMENT_MAX)));
        }
        Map<String, Indicator> byField = new HashMap<>();
        for (Indicator i : Indicator.values()) {
            byField.put(i.field(), i);
        }
        Map<Indicator, Integer> scores = new EnumMap<>(Indicator.class);
        Map<String, String> indicators = input.indicators() == null ? Map.of() : input.indicators();
        for (Map.Entry<String, String> e : indicators.entrySet()) {
            Indicator indicator = byField.get(e.getKey());
            if (indicator == null) {
                problems.add(new FieldProblem("indicators." + e.getKey(),
                        "satisfaction.validation.indicator-unknown", e.getKey()));
                continue;
            }
            String value = e.getValue() == null ? "" : e.getValue().strip();
            if (value.isEmpty()) {
                continue;
            }
            switch (value) {
                case "0", "1", "2" -> scores.put(indicator, Integer.parseInt(value));
                default -> problems.add(new FieldProblem("indicators." + indicator.field(),
                        "satisfaction.validation.indicator"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Parsed(rating, comment, scores);
    }

    static SatisfactionRating map(ResultSet rs, int row) throws SQLException {
        Map<Indicator, Integer> scores = new EnumMap<>(Indicator.class);
        for (Indicator i : Indicator.values()) {
            int score = rs.getInt(i.column());
            if (!rs.wasNull()) {
                scores.put(i, score);
            }
        }
        return new SatisfactionRating(rs.getString("dossier_code"), rs.getString("agency_code"),
                rs.getString("procedure_code"), rs.getString("procedure_name"), rs.getLong("applicant_id"),
                Rating.valueOf(rs.getString("rating")), rs.getString("comment"), scores,
                rs.getTimestamp("rated_at").toInstant());
    }
}
