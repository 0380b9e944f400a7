package vn.dvc.satisfaction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.Agency;
import vn.dvc.shared.VietnamTime;

/**
 * The satisfaction figures per agency, per procedure and for the province, over the ratings given in a period
 * (by the Vietnam date of the rating).
 */
@Service
public class SatisfactionStatistics {

    private static final String SUMS;

    static {
        StringBuilder sums = new StringBuilder("""
                count(*), count(*) filter (where rating = 'NOT_SATISFIED'), count(*) filter (where rating = 'SATISFIED'),
                count(*) filter (where rating = 'VERY_SATISFIED')""");
        for (Indicator i : Indicator.values()) {
            sums.append(", avg(").append(i.column()).append(")::float8");
        }
        SUMS = sums.toString();
    }

    private final JdbcClient jdbc;
    private final Agencies agencies;

    SatisfactionStatistics(JdbcClient jdbc, Agencies agencies) {
        this.jdbc = jdbc;
        this.agencies = agencies;
    }

    /** Every agency with ratings in the days {@code from}..{@code to} (inclusive), by name. */
    @Transactional(readOnly = true)
    public List<SatisfactionFigures> byAgency(LocalDate from, LocalDate to) {
        List<SatisfactionFigures> rows = new ArrayList<>(jdbc.sql("select agency_code, " + SUMS
                + " from satisfaction_rating where rated_at >= ? and rated_at < ? group by agency_code")
                .params(start(from), start(to.plusDays(1)))
                .query((rs, n) -> figures(rs, rs.getString(1), name(rs.getString(1)), null, null)).list());
        rows.sort(Comparator.comparing(SatisfactionFigures::agencyName).thenComparing(SatisfactionFigures::agencyCode));
        return rows;
    }

    /** The procedures of one agency with ratings in the period, by procedure code. */
    @Transactional(readOnly = true)
    public List<SatisfactionFigures> byProcedure(String agencyCode, LocalDate from, LocalDate to) {
        String name = name(agencyCode);
        return jdbc.sql("select procedure_code, max(procedure_name), " + SUMS + " " + """
                 from satisfaction_rating where agency_code = ? and rated_at >= ? and rated_at < ?
                 group by procedure_code order by procedure_code""")
                .params(agencyCode, start(from), start(to.plusDays(1)))
                .query((rs, n) -> figures(rs, agencyCode, name, rs.getString(1), rs.getString(2))).list();
    }

    /** The whole province (or one agency when {@code agencyCode} is given) in the period. */
    @Transactional(readOnly = true)
    public SatisfactionFigures total(String agencyCode, LocalDate from, LocalDate to) {
        List<Object> params = new ArrayList<>(List.of(start(from), start(to.plusDays(1))));
        if (agencyCode != null) {
            params.add(agencyCode);
        }
        return jdbc.sql("select " + SUMS + " from satisfaction_rating where rated_at >= ? and rated_at < ?"
                + (agencyCode == null ? "" : " and agency_code = ?"))
                .params(params)
                .query((rs, n) -> figures(rs, agencyCode, agencyCode == null ? null : name(agencyCode), null, null))
                .single();
    }

    private String name(String agencyCode) {
        return agencies.find(agencyCode).map(Agency::name).orElse(agencyCode);
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(VietnamTime.ZONE).toInstant());
    }

    /** Reads the sums, which start at the column after {@code procedure_code, procedure_name} or the agency. */
    private static SatisfactionFigures figures(ResultSet rs, String agency, String agencyName, String procedure,
            String procedureName) throws SQLException {
        int c = rs.getMetaData().getColumnCount() - Indicator.values().length - 4 + 1;
        long ratings = rs.getLong(c);
        long not = rs.getLong(c + 1);
        long satisfied = rs.getLong(c + 2);
        long very = rs.getLong(c + 3);
        Map<String, Double> averages = new LinkedHashMap<>();
        int column = c + 4;
        for (Indicator i : Indicator.values()) {
            double avg = rs.getDouble(column++);
            averages.put(i.field(), rs.wasNull() ? null : Math.round(avg * 100) / 100.0);
        }
        return new SatisfactionFigures(agency, agencyName, procedure, procedureName, ratings, not, satisfied, very,
                ratings == 0 ? null : (double) (satisfied + very) / ratings, averages);
    }
}
