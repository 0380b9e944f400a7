package vn.dvc.planning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.dvc.organisation.AgencyLevel;

/** Plan documents as written, with their lines in the order of the imported file. */
@Repository
public class PlanDocuments {

    private static final String COLUMNS = """
            select id, reference, title, issued_on, first_year, last_year, procedures_total, existing_level_3,
                   existing_level_4, target_ratio, stated_total, stated_provided_total, stated_ratio, file_name,
                   imported_by, imported_at
              from plan_document
            """;

    private final JdbcClient jdbc;

    PlanDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The documents whose period includes the year, oldest issue first. */
    public List<PlanDocument> covering(int year) {
        return withLines(jdbc.sql(COLUMNS + " where first_year <= :year and last_year >= :year order by issued_on, id")
                .param("year", year).query(Head::map).list());
    }

    /** Every document, the latest period first. */
    public List<PlanDocument> all() {
        return withLines(jdbc.sql(COLUMNS + " order by last_year desc, first_year desc, id").query(Head::map).list());
    }

    public Optional<PlanDocument> find(String reference) {
        return withLines(jdbc.sql(COLUMNS + " where reference = ?").param(reference).query(Head::map).list())
                .stream().findFirst();
    }

    /** Stores a document, replacing the one with the same reference; the caller holds the transaction. */
    void replace(PlanDocumentContent c, String fileName, String actor, Instant now) {
        jdbc.sql("delete from plan_document where reference = ?").param(c.reference()).update();
        long id = jdbc.sql("""
                insert into plan_document(reference, title, issued_on, first_year, last_year, procedures_total,
                    existing_level_3, existing_level_4, target_ratio, stated_total, stated_provided_total, stated_ratio,
                    file_name, imported_by, imported_at)
                values (:reference, :title, :issuedOn, :firstYear, :lastYear, :procedures, :existing3, :existing4,
                    :target, :statedTotal, :statedProvided, :statedRatio, :fileName, :actor, :now)
                returning id
                """).param("reference", c.reference()).param("title", c.title()).param("issuedOn", c.issuedOn())
                .param("firstYear", c.firstYear()).param("lastYear", c.lastYear())
                .param("procedures", c.proceduresTotal()).param("existing3", c.existingLevel3())
                .param("existing4", c.existingLevel4()).param("target", c.targetRatio())
                .param("statedTotal", c.statedTotal()).param("statedProvided", c.statedProvidedTotal())
                .param("statedRatio", c.statedRatio()).param("fileName", fileName).param("actor", actor)
                .param("now", Timestamp.from(now)).query(Long.class).single();
        for (PlanLine line : c.lines()) {
            jdbc.sql("""
                    insert into plan_document_line(document_id, position, kind, level, name, agency_code, year,
                        new_builds, upgrades, services)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(id, line.position(), line.kind().name(), line.level().name(), line.name(),
                    line.agencyCode(), line.year(), line.newBuilds(), line.upgrades(), line.services()).update();
        }
    }

    private List<PlanDocument> withLines(List<Head> heads) {
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PlanLine>> lines = jdbc.sql("""
                select document_id, position, kind, level, name, agency_code, year, new_builds, upgrades, services
                  from plan_document_line where document_id = any(:ids) order by document_id, position, id
                """).param("ids", heads.stream().map(Head::id).toArray(Long[]::new))
                .query((rs, row) -> Map.entry(rs.getLong("document_id"), line(rs))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, java.util.LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return heads.stream().map(h -> h.document(lines.getOrDefault(h.id(), List.of()))).toList();
    }

    private static PlanLine line(ResultSet rs) throws SQLException {
        return new PlanLine(rs.getInt("position"), PlanLine.Kind.valueOf(rs.getString("kind")),
                AgencyLevel.valueOf(rs.getString("level")), rs.getString("name"), rs.getString("agency_code"),
                rs.getObject("year", Integer.class), rs.getObject("new_builds", Integer.class),
                rs.getObject("upgrades", Integer.class), rs.getObject("services", Integer.class));
    }

    /** A document row before its lines are attached. */
    private record Head(long id, PlanDocumentContent content, String fileName, String importedBy, Instant importedAt) {

        static Head map(ResultSet rs, int row) throws SQLException {
            PlanDocumentContent content = new PlanDocumentContent(rs.getString("reference"), rs.getString("title"),
                    rs.getObject("issued_on", LocalDate.class), rs.getInt("first_year"), rs.getInt("last_year"),
                    rs.getInt("procedures_total"), rs.getObject("existing_level_3", Integer.class),
                    rs.getObject("existing_level_4", Integer.class), rs.getBigDecimal("target_ratio"),
                    rs.getObject("stated_total", Integer.class), rs.getObject("stated_provided_total", Integer.class),
                    rs.getBigDecimal("stated_ratio"), List.of());
            return new Head(rs.getLong("id"), content, rs.getString("file_name"), rs.getString("imported_by"),
                    rs.getTimestamp("imported_at").toInstant());
        }

        PlanDocument document(List<PlanLine> lines) {
            PlanDocumentContent c = content;
            return new PlanDocument(id, new PlanDocumentContent(c.reference(), c.title(), c.issuedOn(), c.firstYear(),
                    c.lastYear(), c.proceduresTotal(), c.existingLevel3(), c.existingLevel4(), c.targetRatio(),
                    c.statedTotal(), c.statedProvidedTotal(), c.statedRatio(), lines), fileName, importedBy,
                    importedAt);
        }
    }
}
