package vn.dvc.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dvc.organisation.AgencyLevel;
import vn.dvc.shared.ProblemException.FieldProblem;
import vn.dvc.shared.VietnameseText;

/**
 * The shape of a procedure file (docs/import-format.md): one row per procedure with the columns of
 * the national procedure database for CSV and XLSX, or the same content nested for JSON. Reading
 * never throws on bad input: every cell that cannot be understood becomes a problem naming its column.
 */
final class ProcedureFile {

    static final List<String> COLUMNS = List.of("code", "name", "field", "leadAgencyCode", "implementations",
            "serviceLevel", "onlineMode", "centrallyProvided", "directDays", "directUnit", "directFee", "onlineDays",
            "onlineUnit", "onlineFee", "postalDays", "postalUnit", "postalFee", "components", "steps", "applicants",
            "results", "legalBasis", "conditions", "sourceUrl");

    /** Column prefix of each channel, in the order the columns appear. */
    private static final Map<Channel, String> CHANNEL_COLUMNS = Map.of(Channel.DIRECT, "direct", Channel.ONLINE,
            "online", Channel.POSTAL, "postal");

    /** One fee: an amount in đồng, optionally followed by what it is for ("50000 Lệ phí"). */
    private static final Pattern FEE = Pattern.compile("^(\\d{1,13})(?:\\s+(.+))?$", Pattern.DOTALL);

    /** A row as read: the content (null parts where a cell could not be read) and what was wrong. */
    record ParsedRow(ProcedureContent content, List<FieldProblem> problems) {
    }

    /** The nested (JSON) form of a procedure; mirrors the detail of {@code GET /api/v1/procedures/{code}}. */
    record ProcedureDocument(String code, String name, String field, String leadAgencyCode,
            List<ImplementationDocument> implementations, int serviceLevel, OnlineMode onlineMode,
            boolean centrallyProvided, List<ChannelDocument> channels, List<CaseDocument> components, String steps,
            String applicants, String results, String legalBasis, String conditions, String sourceUrl) {
    }

    record ImplementationDocument(AgencyLevel level, String agencyCode) {
    }

    /** {@code feesKnown} false: the source does not state the fees; true with no fees: there is no fee. */
    record ChannelDocument(Channel channel, BigDecimal processingTime, TimeUnit timeUnit, boolean feesKnown,
            List<FeeDocument> fees) {
    }

    record FeeDocument(long amountVnd, String description) {
    }

    record CaseDocument(String caseName, List<ComponentDocument> components) {
    }

    record ComponentDocument(String name, int originals, int copies, boolean required, List<String> fileTypes,
            Integer maxMegabytes) {
    }

    private ProcedureFile() {
    }

    // ---- writing ----

    static ProcedureDocument document(ProcedureContent c) {
        return new ProcedureDocument(c.code(), c.name(), c.field(), c.leadAgencyCode(),
                c.implementations().stream().map(i -> new ImplementationDocument(i.level(), i.agencyCode())).toList(),
                c.serviceLevel().number(), c.onlineMode(), c.centrallyProvided(),
                c.channels().stream().map(t -> new ChannelDocument(t.channel(), t.processingTime(), t.timeUnit(),
                        t.feesKnown(), t.fees() == null ? List.of()
                                : t.fees().stream().map(f -> new FeeDocument(f.amountVnd(), f.description())).toList()))
                        .toList(),
                cases(c.components()), c.steps(), c.applicants(), c.results(), c.legalBasis(), c.conditions(),
                c.sourceUrl());
    }

    /** The cells of a row, in the order of {@link #COLUMNS}; empty strings for what is not stated. */
    static List<String> cells(ProcedureContent c, JsonMapper json) {
        List<String> cells = new ArrayList<>(COLUMNS.size());
        cells.add(c.code());
        cells.add(c.name());
        cells.add(c.field());
        cells.add(orEmpty(c.leadAgencyCode()));
        cells.add(String.join(";", c.implementations().stream()
                .map(i -> i.agencyCode() == null ? i.level().name() : i.level().name() + ":" + i.agencyCode()).toList()));
        cells.add(String.valueOf(c.serviceLevel().number()));
        cells.add(c.onlineMode().name());
        cells.add(String.valueOf(c.centrallyProvided()));
        for (Channel channel : Channel.values()) {
            ChannelTerms terms = c.channels().stream().filter(t -> t.channel() == channel).findFirst().orElse(null);
            if (terms == null) {
                cells.addAll(List.of("", "", ""));
                continue;
            }
            cells.add(terms.processingTime() == null ? "" : terms.processingTime().toPlainString());
            // A channel offered with neither time nor fee stated is marked by its unit alone.
            boolean onlyOffered = terms.processingTime() == null && terms.fees() == null;
            cells.add(terms.timeUnit() != null ? terms.timeUnit().name() : onlyOffered ? TimeUnit.WORKING_DAYS.name() : "");
            cells.add(fees(terms.fees()));
        }
        cells.add(c.components().isEmpty() ? "" : json.writeValueAsString(cases(c.components())));
        for (String text : new String[] {c.steps(), c.applicants(), c.results(), c.legalBasis(), c.conditions(),
                c.sourceUrl()}) {
            cells.add(orEmpty(text));
        }
        return cells;
    }

    private static List<CaseDocument> cases(List<ComponentCase> cases) {
        return cases.stream().map(k -> new CaseDocument(k.caseName(), k.components().stream()
                .map(d -> new ComponentDocument(d.name(), d.originals(), d.copies(), d.required(),
                        d.fileTypes().isEmpty() ? null : d.fileTypes(), d.maxMegabytes())).toList())).toList();
    }

    private static String fees(List<Fee> fees) {
        if (fees == null) {
            return "";
        }
        if (fees.isEmpty()) {
            return "0";
        }
        return String.join("; ", fees.stream()
                .map(f -> f.description() == null ? String.valueOf(f.amountVnd()) : f.amountVnd() + " " + f.description())
                .toList());
    }

    // ---- reading ----

    /** Reads a flat row (CSV, XLSX); {@code cell} answers the text of a column, empty when absent. */
    static ParsedRow fromCells(Function<String, String> cell, JsonMapper json) {
        Reader r = new Reader();
        List<ChannelTerms> channels = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            String prefix = CHANNEL_COLUMNS.get(channel);
            String days = cell.apply(prefix + "Days");
            String unit = cell.apply(prefix + "Unit");
            String fee = cell.apply(prefix + "Fee");
            if (days.isBlank() && unit.isBlank() && fee.isBlank()) {
                continue; // not offered
            }
            BigDecimal time = r.decimal(prefix + "Days", days);
            TimeUnit timeUnit = unit.isBlank() ? TimeUnit.WORKING_DAYS : r.enumValue(prefix + "Unit", unit, TimeUnit.class);
            channels.add(new ChannelTerms(channel, time, time == null ? null : timeUnit, r.fees(prefix + "Fee", fee),
                    null));
        }
        List<ComponentCase> components = List.of();
        String componentText = cell.apply("components");
        if (!componentText.isBlank()) {
            try {
                components = r.cases(json.readTree(componentText));
            } catch (JacksonException e) {
                r.problem("components", "catalogue.import.error.components-json");
            }
        }
        ProcedureContent content = new ProcedureContent(cell.apply("code"), cell.apply("name"), cell.apply("field"),
                cell.apply("leadAgencyCode"), r.implementations(cell.apply("implementations")),
                r.serviceLevel(cell.apply("serviceLevel")), r.onlineMode(cell.apply("onlineMode")),
                r.bool("centrallyProvided", cell.apply("centrallyProvided")), channels, components,
                cell.apply("steps"), cell.apply("applicants"), cell.apply("results"), cell.apply("legalBasis"),
                cell.apply("conditions"), cell.apply("sourceUrl"), null);
        return new ParsedRow(content, r.problems);
    }

    /** Reads one object of a JSON file. */
    static ParsedRow fromJson(JsonNode node) {
        Reader r = new Reader();
        if (!node.isObject()) {
            r.problem("", "catalogue.import.error.not-object");
            return new ParsedRow(null, r.problems);
        }
        List<Implementation> implementations = new ArrayList<>();
        for (JsonNode i : r.array(node, "implementations")) {
            AgencyLevel level = r.enumValue("implementations", text(i.get("level")), AgencyLevel.class);
            String agency = text(i.get("agencyCode"));
            implementations.add(new Implementation(level, agency.isBlank() ? null : agency.strip()));
        }
        List<ChannelTerms> channels = new ArrayList<>();
        for (JsonNode t : r.array(node, "channels")) {
            Channel channel = r.enumValue("channels", text(t.get("channel")), Channel.class);
            BigDecimal time = r.decimal("channels", text(t.get("processingTime")));
            String unit = text(t.get("timeUnit"));
            TimeUnit timeUnit = unit.isBlank() ? TimeUnit.WORKING_DAYS : r.enumValue("channels", unit, TimeUnit.class);
            List<Fee> fees = null;
            JsonNode known = t.get("feesKnown");
            if (known == null || known.isNull() || known.asBoolean()) {
                fees = t.get("fees") == null || t.get("fees").isNull() ? null : new ArrayList<>();
                for (JsonNode f : r.array(t, "fees")) {
                    Long amount = r.amount("channels", text(f.get("amountVnd")));
                    if (amount != null) {
                        String description = text(f.get("description"));
                        fees.add(new Fee(amount, description.isBlank() ? null : description));
                    }
                }
            }
            channels.add(new ChannelTerms(channel, time, time == null ? null : timeUnit, fees, null));
        }
        JsonNode components = node.get("components");
        ProcedureContent content = new ProcedureContent(text(node.get("code")), text(node.get("name")),
                text(node.get("field")), text(node.get("leadAgencyCode")), implementations,
                r.serviceLevel(text(node.get("serviceLevel"))), r.onlineMode(text(node.get("onlineMode"))),
                r.bool("centrallyProvided", text(node.get("centrallyProvided"))), channels,
                components == null || components.isNull() ? List.of() : r.cases(components),
                text(node.get("steps")), text(node.get("applicants")), text(node.get("results")),
                text(node.get("legalBasis")), text(node.get("conditions")), text(node.get("sourceUrl")), null);
        return new ParsedRow(content, r.problems);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainer() ? "" : node.asString();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Collects the problems of one row while converting its cells. */
    private static final class Reader {

        final List<FieldProblem> problems = new ArrayList<>();

        void problem(String column, String key, Object... args) {
            problems.add(new FieldProblem(column, key, args));
        }

        List<Implementation> implementations(String value) {
            List<Implementation> result = new ArrayList<>();
            for (String part : value.split(";")) {
                if (part.isBlank()) {
                    continue;
                }
                int colon = part.indexOf(':');
                String level = colon < 0 ? part : part.substring(0, colon);
                String agency = colon < 0 ? null : part.substring(colon + 1).strip();
                AgencyLevel parsed = enumValue("implementations", level, AgencyLevel.class);
                if (parsed != null) {
                    result.add(new Implementation(parsed, agency == null || agency.isEmpty() ? null : agency));
                }
            }
            return result;
        }

        ServiceLevel serviceLevel(String value) {
            if (value.isBlank()) {
                return null; // the rules report it as required
            }
            try {
                return ServiceLevel.of(Integer.parseInt(value.strip()));
            } catch (IllegalArgumentException e) {
                problem("serviceLevel", "catalogue.error.service-level-param");
                return null;
            }
        }

        OnlineMode onlineMode(String value) {
            return value.isBlank() ? null : enumValue("onlineMode", value, OnlineMode.class);
        }

        boolean bool(String column, String value) {
            String folded = VietnameseText.fold(value).strip();
            return switch (folded) {
                case "", "false", "khong" -> false;
                case "true", "co" -> true;
                default -> {
                    problem(column, "catalogue.import.error.boolean");
                    yield false;
                }
            };
        }

        BigDecimal decimal(String column, String value) {
            if (value.isBlank()) {
                return null;
            }
            try {
                return new BigDecimal(value.strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                problem(column, "catalogue.import.error.number", value.strip());
                return null;
            }
        }

        Long amount(String column, String value) {
            if (!value.strip().matches("\\d{1,13}")) {
                problem(column, "catalogue.import.error.fee", value.strip());
                return null;
            }
            return Long.parseLong(value.strip());
        }

        /** Empty: not stated; "0": no fee; otherwise "amount [description]" items separated by ";". */
        List<Fee> fees(String column, String value) {
            if (value.isBlank()) {
                return null;
            }
            if (value.strip().equals("0")) {
                return List.of();
            }
            List<Fee> fees = new ArrayList<>();
            for (String part : value.split(";")) {
                Matcher m = FEE.matcher(part.strip());
                if (m.matches()) {
                    fees.add(new Fee(Long.parseLong(m.group(1)), m.group(2) == null ? null : m.group(2).strip()));
                } else {
                    problem(column, "catalogue.import.error.fee", part.strip());
                }
            }
            return fees;
        }

        <E extends Enum<E>> E enumValue(String column, String value, Class<E> type) {
            try {
                return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(column, "catalogue.import.error.choice", value.strip(),
                        String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
                return null;
            }
        }

        Iterable<JsonNode> array(JsonNode parent, String name) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                problem(name, "catalogue.import.error.not-array");
                return List.of();
            }
            return node.values();
        }

        List<ComponentCase> cases(JsonNode node) {
            if (!node.isArray()) {
                problem("components", "catalogue.import.error.components-json");
                return List.of();
            }
            List<ComponentCase> cases = new ArrayList<>();
            for (JsonNode k : node.values()) {
                List<DossierComponent> components = new ArrayList<>();
                for (JsonNode d : array(k, "components")) {
                    List<String> types = new ArrayList<>();
                    array(d, "fileTypes").forEach(t -> types.add(t.asString().strip().toUpperCase(Locale.ROOT)));
                    JsonNode max = d.get("maxMegabytes");
                    components.add(new DossierComponent(text(d.get("name")), count(d.get("originals")),
                            count(d.get("copies")), d.get("required") == null || d.get("required").asBoolean(), null,
                            types, max == null || max.isNull() ? null : count(max)));
                }
                String caseName = text(k.get("caseName"));
                cases.add(new ComponentCase(caseName.isBlank() ? null : caseName, components));
            }
            return cases;
        }

        private int count(JsonNode node) {
            if (node == null || node.isNull()) {
                return 0;
            }
            if (!node.canConvertToInt() || !node.isIntegralNumber()) {
                problem("components", "catalogue.import.error.components-json");
                return 0;
            }
            return node.intValue();
        }
    }
}
