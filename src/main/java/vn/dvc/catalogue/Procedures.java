package vn.dvc.catalogue;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.dvc.identity.AgencyScope;
import vn.dvc.organisation.AgencyLevel;
import vn.dvc.shared.PageResult;
import vn.dvc.shared.VietnameseText;

/** The catalogue's procedures and their versions. */
@Repository
public class Procedures {

    private static final TypeReference<List<ChannelTerms>> CHANNELS = new TypeReference<>() { };
    private static final TypeReference<List<ComponentCase>> COMPONENTS = new TypeReference<>() { };

    private static final String VERSION_COLUMNS = """
            select v.id, v.version_no, v.is_current, p.code, v.name, v.field, v.lead_agency_code, v.service_level,
                   v.online_mode, v.centrally_provided, v.channels::text as channels, v.components::text as components,
                   v.steps, v.applicants, v.results, v.legal_basis, v.conditions, v.source_url, v.demo_note,
                   v.created_at, v.created_by, v.change_note,
                   (select coalesce(array_agg(i.agency_level || ':' || coalesce(i.agency_code, '') order by
                           i.agency_level, i.agency_code), '{}')
                      from procedure_implementation i where i.procedure_version_id = v.id) as implementations
              from procedure_version v join procedure p on p.id = v.procedure_id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final SearchTotals totals;

    Procedures(JdbcClient jdbc, JsonMapper json, Clock clock,
            @Value("${app.catalogue.search-total-ttl:PT1M}") Duration totalTtl) {
        this.jdbc = jdbc;
        this.json = json;
        this.totals = new SearchTotals(clock, totalTtl);
    }

    /** The current version of the procedure with this code. */
    public Optional<Procedure> find(String code) {
        return jdbc.sql(VERSION_COLUMNS + " where p.code = :code and v.is_current").param("code", code)
                .query(this::map).optional();
    }

    /** A version by its id, current or not: what a dossier submitted under it must show. */
    public Optional<Procedure> findVersion(long versionId) {
        return jdbc.sql(VERSION_COLUMNS + " where v.id = :id").param("id", versionId).query(this::map).optional();
    }

    /** Every version of a procedure, newest first. */
    public List<Procedure> history(String code) {
        return jdbc.sql(VERSION_COLUMNS + " where p.code = :code order by v.version_no desc").param("code", code)
                .query(this::map).list();
    }

    /**
     * The current version, only if the scope may manage it (its lead agency is in scope, or the scope
     * is province-wide). Out of scope looks the same as unknown.
     */
    public Optional<Procedure> findManageable(String code, AgencyScope scope) {
        return jdbc.sql(VERSION_COLUMNS + """
                 where p.code = :code and v.is_current
                   and (:all or v.lead_agency_code = any(:codes))
                """).param("code", code).param("all", scope.all()).param("codes", scope.codesArray())
                .query(this::map).optional();
    }

    /** A page of the current catalogue matching the query, in alphabetical order of the folded name. */
    public PageResult<ProcedureSummary> search(ProcedureQuery query) {
        Filter filter = filter(query);
        String where = filter.where();
        Map<String, Object> params = filter.params();
        SearchTotals.Total total = totals.get(filter.key(), () -> jdbc.sql(
                "select count(*) from (select 1 from procedure_version v" + where + " limit :countLimit) c")
                .params(filter.params()).param("countLimit", SearchTotals.LIMIT + 1).query(Long.class).single());
        // Whole-phrase matches first ("khai sinh" before "khai thác ... sinh học"), then alphabetical.
        String order = " order by v.search_text collate \"C\", p.code";
        List<String> terms = VietnameseText.searchTerms(query.text());
        if (terms.size() > 1) {
            order = " order by (v.search_text like :phrase) desc," + order.substring(" order by".length());
            params = new java.util.HashMap<>(params);
            params.put("phrase", VietnameseText.likeContains(VietnameseText.fold(query.text())));
        }
        List<ProcedureSummary> items = total.value() == 0 ? List.of() : jdbc.sql("""
                select p.code, v.name, v.lead_agency_code, v.field, v.service_level, v.online_mode, v.centrally_provided
                  from procedure_version v join procedure p on p.id = v.procedure_id
                """ + where + order + " limit :limit offset :offset")
                .params(params).param("limit", query.size()).param("offset", (long) query.page() * query.size())
                .query((rs, row) -> new ProcedureSummary(rs.getString("code"), rs.getString("name"),
                        rs.getString("lead_agency_code"), rs.getString("field"), rs.getInt("service_level"),
                        OnlineMode.valueOf(rs.getString("online_mode")), rs.getBoolean("centrally_provided")))
                .list();
        return new PageResult<>(items, total.value(), query.page(), query.size(), total.exact());
    }

    /**
     * Current versions matching the query's filters (its paging is ignored), in code order, the first
     * {@code limit} after {@code afterCode} (null: from the start). Exports page through this by code,
     * so a procedure added meanwhile does not shift the pages.
     */
    public List<Procedure> currentVersions(ProcedureQuery query, String afterCode, int limit) {
        Filter filter = filter(query);
        return jdbc.sql(VERSION_COLUMNS + filter.where() + " and p.code > :after order by p.code limit :limit")
                .params(filter.params()).param("after", afterCode == null ? "" : afterCode).param("limit", limit)
                .query(this::map).list();
    }

    private record Filter(String where, Map<String, Object> params) {

        /** Identifies the filter (for remembering its total). */
        String key() {
            StringBuilder key = new StringBuilder(where);
            new java.util.TreeMap<>(params).forEach((name, value) -> key.append('|').append(name).append('=')
                    .append(value instanceof Object[] array ? java.util.Arrays.toString(array) : value));
            return key.toString();
        }
    }

    /** The where clause of a query's filters, over {@code procedure_version v}. */
    private static Filter filter(ProcedureQuery query) {
        StringBuilder where = new StringBuilder(" where v.is_current");
        Map<String, Object> params = new java.util.HashMap<>();
        List<String> terms = VietnameseText.searchTerms(query.text());
        for (int i = 0; i < terms.size(); i++) {
            where.append(" and v.search_text like :t").append(i);
            params.put("t" + i, VietnameseText.likeContains(terms.get(i)));
        }
        if (query.field() != null) {
            where.append(" and v.field = :field");
            params.put("field", query.field());
        }
        if (query.serviceLevel() != null) {
            where.append(" and v.service_level = :serviceLevel");
            params.put("serviceLevel", query.serviceLevel());
        }
        if (query.onlineMode() != null) {
            where.append(" and v.online_mode = :onlineMode");
            params.put("onlineMode", query.onlineMode().name());
        }
        if (query.level() != null) {
            where.append(" and cast(:level as varchar) = any(v.agency_levels)");
            params.put("level", query.level().name());
        }
        if (query.agencyCode() != null) {
            // A semi-join on the implementations (hashed once) rather than a probe per version.
            where.append("""
                     and (v.lead_agency_code = :agency or v.id in (
                          select i.procedure_version_id from procedure_implementation i
                           where i.agency_code = :agency
                              or (i.agency_code is null
                                  and i.agency_level = (select a.level from agency a where a.code = :agency))))
                    """);
            params.put("agency", query.agencyCode());
        }
        if (query.manageableBy() != null && !query.manageableBy().all()) {
            where.append(" and v.lead_agency_code = any(:scopeCodes)");
            params.put("scopeCodes", query.manageableBy().codesArray());
        }
        return new Filter(where.toString(), params);
    }

    /** The fields (lĩnh vực) in use, alphabetically. */
    public List<String> fields() {
        return jdbc.sql("select distinct field from procedure_version where is_current order by field")
                .query(String.class).list();
    }

    /** How many current procedures there are per service level (1..4). */
    public Map<Integer, Long> countByServiceLevel() {
        return jdbc.sql("select service_level, count(*) as n from procedure_version where is_current group by 1")
                .query((rs, row) -> Map.entry(rs.getInt(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Stores a new version and makes it current. The caller has validated the content and holds the
     * transaction; {@code expectedVersionNo} guards against two editors saving over each other.
     *
     * @return the new version's id
     */
    long saveVersion(ProcedureContent content, Integer expectedVersionNo, String actor, String changeNote,
            Instant now) {
        totals.catalogueChanged();
        Long procedureId = jdbc.sql("select id from procedure where code = ? for update").param(content.code())
                .query(Long.class).optional().orElse(null);
        int versionNo = 1;
        if (procedureId == null) {
            procedureId = jdbc.sql("insert into procedure(code, created_at) values (?, ?) returning id")
                    .params(content.code(), Timestamp.from(now)).query(Long.class).single();
        } else {
            int currentNo = jdbc.sql("select max(version_no) from procedure_version where procedure_id = ?")
                    .param(procedureId).query(Integer.class).single();
            if (expectedVersionNo != null && expectedVersionNo != currentNo) {
                throw new vn.dvc.shared.ConflictException("catalogue.error.stale-version", content.code(), currentNo);
            }
            versionNo = currentNo + 1;
            jdbc.sql("update procedure_version set is_current = false where procedure_id = ? and is_current")
                    .param(procedureId).update();
        }
        Set<String> levels = new LinkedHashSet<>();
        content.implementations().forEach(i -> levels.add(i.level().name()));
        long versionId = jdbc.sql("""
                insert into procedure_version(procedure_id, version_no, is_current, name, field, lead_agency_code,
                    agency_levels, service_level, online_mode, centrally_provided, channels, components, steps,
                    applicants, results, legal_basis, conditions, source_url, demo_note, search_text, created_at,
                    created_by, change_note)
                values (:procedureId, :versionNo, true, :name, :field, :lead, cast(:levels as varchar[]), :serviceLevel,
                    :onlineMode, :central, cast(:channels as jsonb), cast(:components as jsonb), :steps, :applicants,
                    :results, :legalBasis, :conditions, :sourceUrl, :demoNote, :searchText, :createdAt, :createdBy,
                    :changeNote)
                returning id
                """)
                .param("procedureId", procedureId).param("versionNo", versionNo).param("name", content.name())
                .param("field", content.field()).param("lead", content.leadAgencyCode())
                .param("levels", levels.toArray(String[]::new))
                .param("serviceLevel", content.serviceLevel().number()).param("onlineMode", content.onlineMode().name())
                .param("central", content.centrallyProvided()).param("channels", json.writeValueAsString(content.channels()))
                .param("components", json.writeValueAsString(content.components())).param("steps", content.steps())
                .param("applicants", content.applicants()).param("results", content.results())
                .param("legalBasis", content.legalBasis()).param("conditions", content.conditions())
                .param("sourceUrl", content.sourceUrl()).param("demoNote", content.demoNote())
                .param("searchText", searchText(content)).param("createdAt", Timestamp.from(now))
                .param("createdBy", actor).param("changeNote", changeNote)
                .query(Long.class).single();
        for (Implementation implementation : content.implementations()) {
            jdbc.sql("""
                    insert into procedure_implementation(procedure_version_id, agency_level, agency_code)
                    values (?, ?, ?)
                    """).params(versionId, implementation.level().name(), implementation.agencyCode()).update();
        }
        return versionId;
    }

    /** Folded name first (it is also the sort key), then code and field, so all three are searchable. */
    static String searchText(ProcedureContent content) {
        return VietnameseText.fold(content.name()) + " " + content.code() + " " + VietnameseText.fold(content.field());
    }

    private Procedure map(ResultSet rs, int row) throws SQLException {
        List<Implementation> implementations = new ArrayList<>();
        Array array = rs.getArray("implementations");
        for (String entry : (String[]) array.getArray()) {
            int colon = entry.indexOf(':');
            String agency = entry.substring(colon + 1);
            implementations.add(new Implementation(AgencyLevel.valueOf(entry.substring(0, colon)),
                    agency.isEmpty() ? null : agency));
        }
        ProcedureContent content = new ProcedureContent(rs.getString("code"), rs.getString("name"),
                rs.getString("field"), rs.getString("lead_agency_code"), implementations,
                ServiceLevel.of(rs.getInt("service_level")), OnlineMode.valueOf(rs.getString("online_mode")),
                rs.getBoolean("centrally_provided"), json.readValue(rs.getString("channels"), CHANNELS),
                json.readValue(rs.getString("components"), COMPONENTS), rs.getString("steps"),
                rs.getString("applicants"), rs.getString("results"), rs.getString("legal_basis"),
                rs.getString("conditions"), rs.getString("source_url"), rs.getString("demo_note"));
        return new Procedure(rs.getLong("id"), rs.getInt("version_no"), rs.getBoolean("is_current"), content,
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), rs.getString("change_note"));
    }
}
