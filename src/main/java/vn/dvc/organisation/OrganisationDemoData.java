package vn.dvc.organisation;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.dvc.shared.DemoDataSet;

/**
 * Gia Lai's real administrative units over time (GSO codes and names, see demo/SOURCES.md) and the
 * agencies of the seed plan's three-level structure: the provincial People's Committee, the
 * departments and boards named in plan 2575/KH-UBND, the 17 district People's Committees and the
 * commune People's Committees of December 2019, with the commune changes of 2020 and 2024 applied.
 * Names are real; the QCVN 102 agency codes are assigned for the demo (real numbers are not public
 * in our sources), so every agency is marked demo.
 */
@Component
class OrganisationDemoData implements DemoDataSet {

    static final String PROVINCE_CODE = "H21";
    static final LocalDate SNAPSHOT_2019 = LocalDate.of(2019, 12, 1);
    static final LocalDate MERGER_2025 = LocalDate.of(2025, 7, 1);

    /** The departments and boards of the seed plan (and the provincial People's Committee), in code order. */
    static final List<String> DEPARTMENTS = List.of(
            "Văn phòng Ủy ban nhân dân tỉnh",
            "Sở Nội vụ",
            "Sở Tư pháp",
            "Sở Kế hoạch và Đầu tư",
            "Sở Tài chính",
            "Sở Công Thương",
            "Sở Nông nghiệp và Phát triển nông thôn",
            "Sở Giao thông vận tải",
            "Sở Xây dựng",
            "Sở Tài nguyên và Môi trường",
            "Sở Thông tin và Truyền thông",
            "Sở Lao động - Thương binh và Xã hội",
            "Sở Văn hóa, Thể thao và Du lịch",
            "Sở Khoa học và Công nghệ",
            "Sở Giáo dục và Đào tạo",
            "Sở Y tế",
            "Ban Quản lý Khu kinh tế tỉnh");

    private final JdbcClient jdbc;

    OrganisationDemoData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "organisation";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void load() {
        loadUnits();
        loadAgencies();
    }

    private void loadUnits() {
        String source2019 = "GSO via daohoangson/dvhcvn, snapshot 01/12/2019";
        Map<String, CSVRecord> snapshot = byCode(read("demo/gia-lai-units-2019-12-snapshot.csv"));
        Map<String, CSVRecord> changes = byCode(read("demo/gia-lai-units-changes-2019-2025.csv"));
        Map<String, Long> oldIds = new HashMap<>();
        for (CSVRecord unit : snapshot.values()) {
            String code = unit.get("code");
            CSVRecord change = changes.get(code);
            LocalDate end = MERGER_2025;
            if (change != null) {
                end = changeDate(change);
            }
            long id = insertUnit(code, unit.get("name"), unit.get("type"), unit.get("level"),
                    unit.get("parent_code"), SNAPSHOT_2019, end, source2019);
            oldIds.put("64:" + code, id);
            if (change != null && "renamed".equals(change.get("change"))) {
                long renamed = insertUnit(code, change.get("name_after"), unit.get("type"), unit.get("level"),
                        unit.get("parent_code"), end, MERGER_2025, "GSO via daohoangson/dvhcvn, " + change.get("observed"));
                oldIds.put("64:" + code, renamed);
            }
        }
        LocalDate binhDinhFrom = LocalDate.of(2025, 3, 1);
        for (CSVRecord unit : read("demo/binh-dinh-units-2025-03.csv")) {
            long id = insertUnit(unit.get("code"), unit.get("name"), unit.get("type"), unit.get("level"),
                    unit.get("parent_code"), binhDinhFrom, MERGER_2025, "GSO via daohoangson/dvhcvn, 03/2025 (Bình Định)");
            oldIds.put("52:" + unit.get("code"), id);
        }
        for (CSVRecord unit : read("demo/gia-lai-units-2025.csv")) {
            long id = insertUnit(unit.get("code"), unit.get("name"), unit.get("type"), unit.get("level"),
                    unit.get("parent_code"), MERGER_2025, null, "Công văn 1027/CTK-CSCL; Nghị quyết 1664/NQ-UBTVQH15");
            java.util.Set<String> partial = java.util.Set.of(unit.get("partial_old_codes").split(";"));
            for (String old : unit.get("old_codes").split(";")) {
                linkPredecessor(id, old, partial.contains(old), oldIds);
            }
            for (String old : partial) {
                if (!old.isBlank() && !List.of(unit.get("old_codes").split(";")).contains(old)) {
                    linkPredecessor(id, old, true, oldIds);
                }
            }
        }
    }

    private void linkPredecessor(long successor, String oldCode, boolean partial, Map<String, Long> oldIds) {
        if (oldCode.isBlank()) {
            return;
        }
        // Old codes are unique across the two former provinces except the province codes themselves.
        Long predecessor = oldIds.containsKey("64:" + oldCode) ? oldIds.get("64:" + oldCode) : oldIds.get("52:" + oldCode);
        if (predecessor == null) {
            throw new IllegalStateException("Unknown predecessor unit " + oldCode);
        }
        jdbc.sql("""
                insert into administrative_unit_lineage(successor_id, predecessor_id, partial) values (?, ?, ?)
                on conflict do nothing
                """).params(successor, predecessor, partial).update();
    }

    private static LocalDate changeDate(CSVRecord change) {
        // "between dvhcvn snapshots 01/01/2020 and 01/03/2020": the later snapshot bounds the change.
        String observed = change.get("observed");
        String last = observed.substring(observed.lastIndexOf(' ') + 1);
        String[] dmy = last.split("/");
        return LocalDate.of(Integer.parseInt(dmy[2]), Integer.parseInt(dmy[1]), Integer.parseInt(dmy[0]));
    }

    private long insertUnit(String code, String name, String type, String level, String parent, LocalDate from,
            LocalDate to, String source) {
        return jdbc.sql("""
                insert into administrative_unit(code, name, unit_type, level, parent_code, valid_from, valid_to, source)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                """).params(code, name, type, level.toUpperCase(java.util.Locale.ROOT),
                parent == null || parent.isBlank() ? null : parent, from, to, source).query(Long.class).single();
    }

    private void loadAgencies() {
        String provincial = code(0, 0);
        insertAgency(provincial, "Ủy ban nhân dân tỉnh Gia Lai", "UBND tỉnh", AgencyLevel.PROVINCIAL, null, "64",
                SNAPSHOT_2019, null);
        for (int i = 0; i < DEPARTMENTS.size(); i++) {
            insertAgency(code(0, i + 1), provincialName(DEPARTMENTS.get(i)), DEPARTMENTS.get(i),
                    AgencyLevel.PROVINCIAL, provincial, null, SNAPSHOT_2019, null);
        }
        Map<String, CSVRecord> changes = byCode(read("demo/gia-lai-units-changes-2019-2025.csv"));
        List<CSVRecord> units = read("demo/gia-lai-units-2019-12-snapshot.csv");
        Map<String, String> districtCodes = new LinkedHashMap<>();
        Map<String, Integer> communesPerDistrict = new HashMap<>();
        int district = 30;
        for (CSVRecord unit : units) {
            if ("district".equals(unit.get("level"))) {
                String agency = code(0, district++);
                districtCodes.put(unit.get("code"), agency);
                insertAgency(agency, "Ủy ban nhân dân " + unit.get("name"), unit.get("name"), AgencyLevel.DISTRICT,
                        provincial, unit.get("code"), SNAPSHOT_2019, null);
            }
        }
        for (CSVRecord unit : units) {
            if (!"commune".equals(unit.get("level"))) {
                continue;
            }
            String parent = districtCodes.get(unit.get("parent_code"));
            int number = communesPerDistrict.merge(unit.get("parent_code"), 1, Integer::sum);
            String agency = code(number, Integer.parseInt(parent.substring(7, 9)));
            CSVRecord change = changes.get(unit.get("code"));
            LocalDate end = change != null && "removed".equals(change.get("change")) ? changeDate(change) : null;
            long id = insertAgency(agency, "Ủy ban nhân dân " + unit.get("name"), unit.get("name"),
                    AgencyLevel.COMMUNE, parent, unit.get("code"), SNAPSHOT_2019, end);
            if (change != null && "renamed".equals(change.get("change"))) {
                LocalDate renamed = changeDate(change);
                jdbc.sql("update agency_name set valid_to = ? where agency_id = ? and valid_to is null")
                        .params(renamed, id).update();
                jdbc.sql("insert into agency_name(agency_id, name, short_name, valid_from) values (?, ?, ?, ?)")
                        .params(id, "Ủy ban nhân dân " + change.get("name_after"), change.get("name_after"), renamed)
                        .update();
                recordChange(agency, "RENAMED", renamed, unit.get("name") + " → " + change.get("name_after"));
            }
            if (end != null) {
                recordChange(agency, "DISSOLVED", end, "Đơn vị hành chính " + unit.get("name") + " không còn ("
                        + change.get("observed") + ")");
            }
        }
    }

    /** "Sở Tư pháp" is "Sở Tư pháp tỉnh Gia Lai"; "Ban Quản lý Khu kinh tế tỉnh" already says "tỉnh". */
    static String provincialName(String shortName) {
        return shortName + (shortName.endsWith(" tỉnh") ? " Gia Lai" : " tỉnh Gia Lai");
    }

    private long insertAgency(String code, String name, String shortName, AgencyLevel level, String parent,
            String unit, LocalDate from, LocalDate to) {
        long id = jdbc.sql("""
                insert into agency(code, level, parent_code, unit_code, valid_from, valid_to, demo)
                values (?, ?, ?, ?, ?, ?, true) returning id
                """).params(code, level.name(), parent, unit, from, to).query(Long.class).single();
        jdbc.sql("insert into agency_name(agency_id, name, short_name, valid_from, valid_to) values (?, ?, ?, ?, ?)")
                .params(id, name, shortName, from, to).update();
        recordChange(code, "CREATED", from, "Dữ liệu demo: tên thật, mã cơ quan gán theo cấu trúc QCVN 102:2016");
        return id;
    }

    private void recordChange(String agency, String kind, LocalDate effective, String detail) {
        jdbc.sql("""
                insert into agency_change(agency_code, kind, effective, detail, actor) values (?, ?, ?, ?, 'demo-data')
                """).params(agency, kind, effective, detail).update();
    }

    /** QCVN 102:2016 code of an agency of Gia Lai: 000.ZZ.YY.H21. */
    static String code(int zz, int yy) {
        return String.format("000.%02d.%02d.%s", zz, yy, PROVINCE_CODE);
    }

    private static Map<String, CSVRecord> byCode(List<CSVRecord> records) {
        Map<String, CSVRecord> map = new LinkedHashMap<>();
        records.forEach(r -> map.put(r.get("code"), r));
        return map;
    }

    private static List<CSVRecord> read(String path) {
        try (Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
            return new ArrayList<>(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader).getRecords());
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }
}
