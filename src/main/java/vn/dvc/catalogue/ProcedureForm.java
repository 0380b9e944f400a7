package vn.dvc.catalogue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import vn.dvc.organisation.AgencyLevel;
import vn.dvc.shared.ProblemException.FieldProblem;

/**
 * What the administration form posts, as typed: kept as strings so that a refused form comes back
 * exactly as the officer left it. Dossier components are one per line, {@code name | originals |
 * copies | optional | file types | largest size}, e.g. {@code Bản vẽ | 1 | 0 | | PDF, JPEG | 5 MB}
 * (the last three may be left out); a line starting with {@code ##} starts a new case. Implementations are
 * {@code LEVEL} or {@code LEVEL:agencyCode}, separated by {@code ;}.
 */
public class ProcedureForm {

    private String code = "";
    private String name = "";
    private String field = "";
    private String leadAgencyCode = "";
    private String implementations = "";
    private String serviceLevel = "";
    private String onlineMode = "";
    private boolean centrallyProvided;
    private List<ChannelRow> channels = new ArrayList<>(List.of(new ChannelRow(Channel.DIRECT),
            new ChannelRow(Channel.ONLINE), new ChannelRow(Channel.POSTAL)));
    private String components = "";
    private String steps = "";
    private String applicants = "";
    private String results = "";
    private String legalBasis = "";
    private String conditions = "";
    private String sourceUrl = "";
    private String changeNote = "";
    private int basedOnVersion;

    /** One channel's row of the form. */
    public static class ChannelRow {
        private Channel channel;
        private boolean offered;
        private String time = "";
        private TimeUnit unit = TimeUnit.WORKING_DAYS;
        private String fee = "";

        public ChannelRow() {
        }

        ChannelRow(Channel channel) {
            this.channel = channel;
        }

        public Channel getChannel() { return channel; }
        public void setChannel(Channel channel) { this.channel = channel; }
        public boolean isOffered() { return offered; }
        public void setOffered(boolean offered) { this.offered = offered; }
        public String getTime() { return time; }
        public void setTime(String time) { this.time = time; }
        public TimeUnit getUnit() { return unit; }
        public void setUnit(TimeUnit unit) { this.unit = unit; }
        public String getFee() { return fee; }
        public void setFee(String fee) { this.fee = fee; }
    }

    static ProcedureForm of(Procedure procedure) {
        ProcedureContent c = procedure.content();
        ProcedureForm form = new ProcedureForm();
        form.code = c.code();
        form.name = c.name();
        form.field = c.field();
        form.leadAgencyCode = nz(c.leadAgencyCode());
        form.implementations = String.join(";", c.implementations().stream()
                .map(i -> i.agencyCode() == null ? i.level().name() : i.level().name() + ":" + i.agencyCode()).toList());
        form.serviceLevel = String.valueOf(c.serviceLevel().number());
        form.onlineMode = c.onlineMode().name();
        form.centrallyProvided = c.centrallyProvided();
        for (ChannelRow row : form.channels) {
            procedure.terms(row.channel).ifPresent(t -> {
                row.offered = true;
                row.time = t.processingTime() == null ? "" : t.processingTime().stripTrailingZeros().toPlainString();
                row.unit = t.timeUnit() == null ? TimeUnit.WORKING_DAYS : t.timeUnit();
                row.fee = t.fees() == null ? "" : String.valueOf(t.totalFee());
            });
        }
        StringBuilder lines = new StringBuilder();
        for (ComponentCase k : c.components()) {
            if (k.caseName() != null) {
                lines.append("## ").append(k.caseName()).append('\n');
            }
            for (DossierComponent d : k.components()) {
                lines.append(d.name()).append(" | ").append(d.originals()).append(" | ").append(d.copies());
                boolean rules = !d.fileTypes().isEmpty() || d.maxMegabytes() != null;
                if (!d.required() || rules) {
                    lines.append(" | ").append(d.required() ? "" : "không bắt buộc");
                }
                if (rules) {
                    lines.append(" | ").append(String.join(", ", d.fileTypes())).append(" | ")
                            .append(d.maxMegabytes() == null ? "" : d.maxMegabytes() + " MB");
                }
                lines.append('\n');
            }
        }
        form.components = lines.toString();
        form.steps = nz(c.steps());
        form.applicants = nz(c.applicants());
        form.results = nz(c.results());
        form.legalBasis = nz(c.legalBasis());
        form.conditions = nz(c.conditions());
        form.sourceUrl = nz(c.sourceUrl());
        form.basedOnVersion = procedure.versionNo();
        return form;
    }

    /**
     * The content this form describes; what cannot be read is added to {@code problems}. Template ids
     * of components with the same name as before are kept.
     */
    ProcedureContent toContent(List<FieldProblem> problems, Procedure previous) {
        ServiceLevel level = null;
        try {
            level = ServiceLevel.of(Integer.parseInt(serviceLevel.strip()));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("serviceLevel", "validation.required"));
        }
        OnlineMode mode = null;
        try {
            mode = OnlineMode.valueOf(onlineMode.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("onlineMode", "validation.required"));
        }
        return new ProcedureContent(code, name, field, leadAgencyCode, parseImplementations(problems), level, mode,
                centrallyProvided, parseChannels(problems), parseComponents(problems, previous), steps, applicants,
                results, legalBasis, conditions, sourceUrl, previous == null ? null : previous.content().demoNote());
    }

    private List<Implementation> parseImplementations(List<FieldProblem> problems) {
        List<Implementation> list = new ArrayList<>();
        for (String part : implementations.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            String[] levelAndAgency = part.strip().split(":", 2);
            try {
                AgencyLevel level = AgencyLevel.valueOf(levelAndAgency[0].strip().toUpperCase(Locale.ROOT));
                String agency = levelAndAgency.length > 1 && !levelAndAgency[1].isBlank() ? levelAndAgency[1].strip() : null;
                list.add(new Implementation(level, agency));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("implementations", "catalogue.error.implementation-format", part.strip()));
            }
        }
        return list;
    }

    private List<ChannelTerms> parseChannels(List<FieldProblem> problems) {
        List<ChannelTerms> list = new ArrayList<>();
        for (ChannelRow row : channels) {
            if (!row.offered || row.channel == null) {
                continue;
            }
            BigDecimal time = null;
            List<Fee> fees = null;
            try {
                time = row.time == null || row.time.isBlank() ? null : new BigDecimal(row.time.strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("channels", "catalogue.error.time-number", row.time));
            }
            try {
                String digits = row.fee == null ? "" : row.fee.replaceAll("[.\\s]", "");
                fees = digits.isEmpty() ? null : Long.parseLong(digits) == 0 ? List.of()
                        : List.of(new Fee(Long.parseLong(digits), "Lệ phí"));
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("channels", "catalogue.error.fee-number", row.fee));
            }
            list.add(new ChannelTerms(row.channel, time, time == null ? null : row.unit, fees, null));
        }
        return list;
    }

    private List<ComponentCase> parseComponents(List<FieldProblem> problems, Procedure previous) {
        List<ComponentCase> cases = new ArrayList<>();
        String caseName = null;
        List<DossierComponent> current = new ArrayList<>();
        for (String raw : components.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("##")) {
                if (!current.isEmpty() || caseName != null) {
                    cases.add(new ComponentCase(caseName, current));
                }
                caseName = line.substring(2).strip();
                current = new ArrayList<>();
                continue;
            }
            String[] parts = line.split("\\|");
            try {
                String componentName = parts[0].strip();
                int originals = parts.length > 1 ? Integer.parseInt(parts[1].strip()) : 1;
                int copies = parts.length > 2 ? Integer.parseInt(parts[2].strip()) : 0;
                boolean required = parts.length <= 3 || parts[3].isBlank();
                List<String> types = parts.length > 4 ? java.util.Arrays.stream(parts[4].split(","))
                        .map(t -> t.strip().toUpperCase(java.util.Locale.ROOT)).filter(t -> !t.isEmpty()).toList()
                        : List.of();
                String size = parts.length > 5 ? parts[5].replaceAll("(?i)\\s*mb\\s*$", "").strip() : "";
                current.add(new DossierComponent(componentName, originals, copies, required,
                        templateOf(previous, componentName), types, size.isEmpty() ? null : Integer.valueOf(size)));
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("components", "catalogue.error.component-line", line));
            }
        }
        if (!current.isEmpty() || caseName != null) {
            cases.add(new ComponentCase(caseName, current));
        }
        return cases;
    }

    private static Long templateOf(Procedure previous, String componentName) {
        if (previous == null) {
            return null;
        }
        return previous.content().components().stream().flatMap(k -> k.components().stream())
                .filter(d -> d.name().equals(componentName) && d.templateId() != null)
                .map(DossierComponent::templateId).findFirst().orElse(null);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getField() { return field; }
    public void setField(String field) { this.field = field; }
    public String getLeadAgencyCode() { return leadAgencyCode; }
    public void setLeadAgencyCode(String leadAgencyCode) { this.leadAgencyCode = leadAgencyCode; }
    public String getImplementations() { return implementations; }
    public void setImplementations(String implementations) { this.implementations = implementations; }
    public String getServiceLevel() { return serviceLevel; }
    public void setServiceLevel(String serviceLevel) { this.serviceLevel = serviceLevel; }
    public String getOnlineMode() { return onlineMode; }
    public void setOnlineMode(String onlineMode) { this.onlineMode = onlineMode; }
    public boolean isCentrallyProvided() { return centrallyProvided; }
    public void setCentrallyProvided(boolean centrallyProvided) { this.centrallyProvided = centrallyProvided; }
    public List<ChannelRow> getChannels() { return channels; }
    public void setChannels(List<ChannelRow> channels) { this.channels = channels; }
    public String getComponents() { return components; }
    public void setComponents(String components) { this.components = components; }
    public String getSteps() { return steps; }
    public void setSteps(String steps) { this.steps = steps; }
    public String getApplicants() { return applicants; }
    public void setApplicants(String applicants) { this.applicants = applicants; }
    public String getResults() { return results; }
    public void setResults(String results) { this.results = results; }
    public String getLegalBasis() { return legalBasis; }
    public void setLegalBasis(String legalBasis) { this.legalBasis = legalBasis; }
    public String getConditions() { return conditions; }
    public void setConditions(String conditions) { this.conditions = conditions; }
    public String getSourceUrl() { return sourceUrl; }
    public void setSourceUrl(String sourceUrl) { this.sourceUrl = sourceUrl; }
    public String getChangeNote() { return changeNote; }
    public void setChangeNote(String changeNote) { this.changeNote = changeNote; }
    public int getBasedOnVersion() { return basedOnVersion; }
    public void setBasedOnVersion(int basedOnVersion) { this.basedOnVersion = basedOnVersion; }
}
