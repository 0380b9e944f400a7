package vn.dvc.catalogue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import vn.dvc.organisation.AgencyLevel;
import vn.dvc.shared.DemoDataSet;

/**
 * The demo catalogue: the 1,347 real procedures of {@code demo/procedures.csv} (code, name, field,
 * level, processing days and fee from the national public service portal; see demo/SOURCES.md).
 * What the source does not give is assigned for the demo and said so in each procedure's demo note:
 * the lead department (from the field), the service level and online mode (spread so that all four
 * levels occur), which channels are offered, and, for procedures that district People's Committees
 * handled before 1 July 2025, the district level.
 */
@Component
class CatalogueDemoData implements DemoDataSet {

    static final String DEMO_NOTE = "Dữ liệu demo: mã, tên, lĩnh vực, thời hạn và lệ phí lấy từ Cơ sở dữ liệu quốc "
            + "gia về TTHC; cơ quan chủ trì, cấp thực hiện, mức độ dịch vụ và kênh nộp được gán để minh hoạ.";

    /** Field keyword (folded) → department number in the demo agency codes (000.00.NN.H21). */
    private static final Map<String, Integer> FIELD_TO_DEPARTMENT = fieldMap();

    /** Fields that a central ministry runs through its own vertical system (theo ngành dọc). */
    private static final List<String> CENTRAL_FIELDS = List.of("xuat nhap canh", "can cuoc", "cu tru",
            "phong chay", "dinh danh", "bhxh", "bao hiem xa hoi", "phuong tien giao thong co gioi");

    private final Procedures procedures;
    private final FormTemplates templates;
    private final Clock clock;

    CatalogueDemoData(Procedures procedures, FormTemplates templates, Clock clock) {
        this.procedures = procedures;
        this.templates = templates;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "catalogue";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void load() {
        for (CSVRecord row : read()) {
            ProcedureContent content = fromSource(row);
            content = WellKnownProcedures.enrich(content);
            procedures.saveVersion(content, null, "demo-data", "Nạp dữ liệu demo", clock.instant());
        }
        WellKnownProcedures.TEMPLATES.forEach((code, title) -> {
            long id = templates.store(code, fileName(title), FormTemplates.DOCX, demoForm(title), "demo-data");
            procedures.find(code).ifPresent(p -> attachTemplate(p, id));
        });
    }

    private void attachTemplate(Procedure procedure, long templateId) {
        List<ComponentCase> cases = procedure.content().components().stream()
                .map(c -> new ComponentCase(c.caseName(), c.components().stream()
                        .map(d -> d.name().startsWith("Tờ khai") && d.templateId() == null
                                ? d.withTemplate(templateId)
                                : d)
                        .toList()))
                .toList();
        procedures.saveVersion(procedure.content().withComponents(cases), procedure.versionNo(), "demo-data",
                "Gắn mẫu tờ khai (bản minh hoạ)", clock.instant());
    }

    static ProcedureContent fromSource(CSVRecord row) {
        String code = row.get("code");
        String field = row.get("field");
        String folded = " " + vn.dvc.shared.VietnameseText.fold(field + " " + row.get("agency_type")) + " ";
        boolean central = CENTRAL_FIELDS.stream().anyMatch(k -> folded.contains(" " + k + " "));
        int department = FIELD_TO_DEPARTMENT.entrySet().stream().filter(e -> folded.contains(" " + e.getKey() + " "))
                .map(Map.Entry::getValue).findFirst().orElse(1);
        String lead = central ? null : String.format("000.00.%02d.H21", department);

        List<Implementation> implementations = new ArrayList<>();
        String level = row.get("level");
        boolean formerlyDistrict = level.contains("xã") && isFormerlyDistrict(row.get("name"), field);
        if (level.contains("tỉnh") && lead != null) {
            implementations.add(new Implementation(AgencyLevel.PROVINCIAL, lead));
        }
        if (level.contains("xã")) {
            implementations.add(new Implementation(formerlyDistrict ? AgencyLevel.DISTRICT : AgencyLevel.COMMUNE, null));
        }

        ServiceLevel serviceLevel = demoServiceLevel(code);
        OnlineMode mode = switch (serviceLevel) {
            case LEVEL_1, LEVEL_2 -> OnlineMode.NONE;
            case LEVEL_3 -> OnlineMode.PARTIAL;
            case LEVEL_4 -> OnlineMode.FULL;
        };
        BigDecimal days = row.get("processing_days").isBlank() ? null : new BigDecimal(row.get("processing_days"));
        List<Fee> fees = row.get("fee_vnd").isBlank() ? null
                : Long.parseLong(row.get("fee_vnd")) == 0 ? List.of()
                : List.of(new Fee(Long.parseLong(row.get("fee_vnd")), "Lệ phí"));
        List<ChannelTerms> channels = new ArrayList<>();
        channels.add(new ChannelTerms(Channel.DIRECT, days, days == null ? null : TimeUnit.WORKING_DAYS, fees, null));
        if (serviceLevel.number() >= 3) {
            channels.add(new ChannelTerms(Channel.ONLINE, days, days == null ? null : TimeUnit.WORKING_DAYS, fees, null));
        }
        channels.add(new ChannelTerms(Channel.POSTAL, days, days == null ? null : TimeUnit.WORKING_DAYS, fees, null));
        return new ProcedureContent(code, row.get("name"), field, lead, implementations, serviceLevel, mode, central,
                channels, List.of(), null, null, null, null, null, row.get("source"), DEMO_NOTE);
    }

    /** District People's Committees handled these before 2025 (household businesses, foreign civil status). */
    private static boolean isFormerlyDistrict(String name, String field) {
        String text = vn.dvc.shared.VietnameseText.fold(name + " " + field);
        return text.contains("ho kinh doanh") || text.contains("yeu to nuoc ngoai") || text.contains("hop tac xa");
    }

    /** Spread deterministically from the code: about 10% level 1, 35% level 2, 30% level 3, 25% level 4. */
    static ServiceLevel demoServiceLevel(String code) {
        int bucket = Math.floorMod(code.hashCode() * 31 + 7, 100);
        if (bucket < 10) {
            return ServiceLevel.LEVEL_1;
        }
        if (bucket < 45) {
            return ServiceLevel.LEVEL_2;
        }
        return bucket < 75 ? ServiceLevel.LEVEL_3 : ServiceLevel.LEVEL_4;
    }

    private static String fileName(String title) {
        return vn.dvc.shared.VietnameseText.fold(title).replace(' ', '-') + ".docx";
    }

    /** A simple fill-in form so that the download works end to end; labelled as an illustration. */
    static byte[] demoForm(String title) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            paragraph(document, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", true);
            paragraph(document, "Độc lập - Tự do - Hạnh phúc", true);
            paragraph(document, title.toUpperCase(new Locale("vi")), true);
            paragraph(document, "(Bản minh hoạ của hệ thống demo; dùng mẫu chính thức do Bộ ban hành khi nộp hồ sơ thật.)",
                    false);
            for (String line : List.of("Kính gửi: ......................................................",
                    "Họ, chữ đệm, tên người yêu cầu: ..................................",
                    "Số định danh cá nhân: ...........................................",
                    "Nơi cư trú: .....................................................",
                    "Nội dung đề nghị: ...............................................",
                    "Tôi cam đoan nội dung đề nghị trên đây là đúng sự thật.",
                    "Làm tại: ............, ngày ..... tháng ..... năm ........",
                    "Người yêu cầu (ký, ghi rõ họ, chữ đệm, tên)")) {
                paragraph(document, line, false);
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void paragraph(XWPFDocument document, String text, boolean bold) {
        XWPFParagraph paragraph = document.createParagraph();
        XWPFRun run = paragraph.createRun();
        run.setBold(bold);
        run.setFontFamily("Times New Roman");
        run.setFontSize(13);
        run.setText(text);
    }

    private static List<CSVRecord> read() {
        try (Reader reader = new InputStreamReader(new ClassPathResource("demo/procedures.csv").getInputStream(),
                StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> fieldMap() {
        Map<String, Integer> map = new java.util.LinkedHashMap<>();
        // Order matters: the first keyword found in "field agency_type" wins.
        for (String k : List.of("ho tich", "chung thuc", "cong chung", "luat su", "thua phat lai", "tro giup phap ly",
                "giam dinh tu phap", "nuoi con nuoi", "quoc tich", "dau gia", "quan tai vien", "tu van phap luat",
                "hoa giai", "bien phap bao dam", "trong tai", "ly lich tu phap", "boi thuong nha nuoc", "tu phap")) {
            map.put(k, 3);
        }
        for (String k : List.of("khu kinh te", "khu cong nghiep")) {
            map.put(k, 17);
        }
        for (String k : List.of("dat dai", "tai nguyen nuoc", "khoang san", "bien va hai dao", "moi truong",
                "bien doi khi hau", "bao ton thien nhien", "khi tuong", "do dac", "vien tham")) {
            map.put(k, 10);
        }
        for (String k : List.of("thuy loi", "thuy san", "thu y", "lam nghiep", "kiem lam", "nong nghiep",
                "trong trot", "chan nuoi", "bao ve thuc vat", "nong lam san", "phat trien nong thon", "thien tai",
                "de dieu")) {
            map.put(k, 7);
        }
        for (String k : List.of("duong bo", "hang hai", "duong thuy", "duong sat", "giay phep lai xe", "giao thong")) {
            map.put(k, 8);
        }
        for (String k : List.of("hoat dong xay dung", "nha o", "bat dong san", "ha tang ky thuat", "kien truc",
                "quy hoach", "xay dung", "vat lieu xay dung")) {
            map.put(k, 9);
        }
        for (String k : List.of("doanh nghiep", "dau tu", "hop tac xa", "dau thau")) {
            map.put(k, 4);
        }
        for (String k : List.of("cong san", "tai chinh", "quan ly gia", "ngan sach")) {
            map.put(k, 5);
        }
        for (String k : List.of("xuc tien thuong mai", "hoa chat", "vat lieu no", "luu thong hang hoa",
                "thuong mai", "xuat nhap khau", "dien luc", "hoat dong dien", "kinh doanh khi", "xang dau", "cong thuong", "an toan thuc pham")) {
            map.put(k, 6);
        }
        for (String k : List.of("kham benh", "phong benh", "duoc", "y te", "dan so", "trang thiet bi y te")) {
            map.put(k, 16);
        }
        for (String k : List.of("giao duc", "tuyen sinh", "van bang", "dao tao")) {
            map.put(k, 15);
        }
        for (String k : List.of("di san", "van hoa", "the thao", "du lich", "gia dinh", "my thuat", "nghe thuat",
                "thu vien")) {
            map.put(k, 13);
        }
        for (String k : List.of("phat thanh", "truyen hinh", "thong tin dien tu", "xuat ban", "in va phat hanh",
                "buu chinh", "vien thong", "bao chi", "cong nghe thong tin")) {
            map.put(k, 11);
        }
        for (String k : List.of("tin nguong", "ton giao", "hoi quy", "thi dua", "van thu", "luu tru",
                "cong chuc", "vien chuc", "to chuc bo may", "thanh nien", "dan toc")) {
            map.put(k, 2);
        }
        for (String k : List.of("nguoi co cong", "bao tro xa hoi", "giam ngheo", "viec lam", "lao dong", "cai nghien",
                "tre em", "an toan lao dong", "giao duc nghe nghiep", "binh dang gioi")) {
            map.put(k, 12);
        }
        for (String k : List.of("khoa hoc", "cong nghe", "tieu chuan", "do luong", "so huu tri tue",
                "nang luong nguyen tu", "an toan buc xa")) {
            map.put(k, 14);
        }
        return map;
    }
}
