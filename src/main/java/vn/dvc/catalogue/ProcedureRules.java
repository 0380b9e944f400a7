package vn.dvc.catalogue;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import vn.dvc.organisation.Agency;

import vn.dvc.shared.ProblemException.FieldProblem;

/**
 * The rules a procedure version must satisfy before it is published. Pure: agencies are looked up
 * through the function given, so the rules are unit-testable.
 */
public final class ProcedureRules {

    /** National code d.dddddd (RULES.md §6), optionally with a province's agency suffix. */
    public static final Pattern CODE = Pattern.compile("^\\d\\.\\d{6}(\\.\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2})?$");
    static final int MAX_NAME = 1000;
    static final int MAX_FIELD = 300;
    static final int MAX_TEXT = 20_000;
    // Some national records state multi-year periods; the bound only catches typing mistakes.
    static final BigDecimal MAX_DAYS = BigDecimal.valueOf(3650);

    private ProcedureRules() {
    }

    public static List<FieldProblem> check(ProcedureContent c, Function<String, Agency> agencies) {
        List<FieldProblem> problems = new ArrayList<>();
        if (blank(c.code())) {
            problems.add(new FieldProblem("code", "validation.required"));
        } else if (!CODE.matcher(c.code()).matches()) {
            problems.add(new FieldProblem("code", "catalogue.error.code-format"));
        }
        text(problems, "name", c.name(), true, MAX_NAME);
        text(problems, "field", c.field(), true, MAX_FIELD);
        for (String[] optional : new String[][] {{"steps", c.steps()}, {"applicants", c.applicants()},
                {"results", c.results()}, {"legalBasis", c.legalBasis()}, {"conditions", c.conditions()},
                {"demoNote", c.demoNote()}}) {
            text(problems, optional[0], optional[1], false, MAX_TEXT);
        }
        if (c.serviceLevel() == null) {
            problems.add(new FieldProblem("serviceLevel", "validation.required"));
        }
        if (c.onlineMode() == null) {
            problems.add(new FieldProblem("onlineMode", "validation.required"));
        }
        if (c.serviceLevel() != null && c.onlineMode() != null && !modeFitsLevel(c.serviceLevel(), c.onlineMode())) {
            problems.add(new FieldProblem("onlineMode", "catalogue.error.mode-level", c.serviceLevel().number()));
        }
        agencyRules(c, agencies, problems);
        channelRules(c, problems);
        for (ComponentCase componentCase : c.components()) {
            for (DossierComponent component : componentCase.components()) {
                if (blank(component.name())) {
                    problems.add(new FieldProblem("components", "catalogue.error.component-name"));
                } else if (component.originals() < 0 || component.copies() < 0) {
                    problems.add(new FieldProblem("components", "catalogue.error.component-count", component.name()));
                }
                for (String type : component.fileTypes()) {
                    if (java.util.Arrays.stream(vn.dvc.document.FileType.values()).noneMatch(t -> t.name().equals(type))) {
                        problems.add(new FieldProblem("components", "catalogue.error.component-type", component.name(),
                                type));
                    }
                }
                if (component.maxMegabytes() != null && (component.maxMegabytes() < 1
                        || component.maxMegabytes() > DossierComponent.LARGEST_MEGABYTES)) {
                    problems.add(new FieldProblem("components", "catalogue.error.component-size", component.name(),
                            DossierComponent.LARGEST_MEGABYTES));
                }
            }
        }
        if (!blank(c.sourceUrl()) && !isWebAddress(c.sourceUrl())) {
            problems.add(new FieldProblem("sourceUrl", "catalogue.error.url"));
        }
        return problems;
    }

    /** Level 1–2 are not online; level 3 is partly online; level 4 is full online, or partial when the result is collected in person. */
    static boolean modeFitsLevel(ServiceLevel level, OnlineMode mode) {
        return switch (level) {
            case LEVEL_1, LEVEL_2 -> mode == OnlineMode.NONE;
            case LEVEL_3 -> mode == OnlineMode.PARTIAL;
            case LEVEL_4 -> mode == OnlineMode.FULL || mode == OnlineMode.PARTIAL;
        };
    }

    private static void agencyRules(ProcedureContent c, Function<String, Agency> agencies, List<FieldProblem> problems) {
        if (blank(c.leadAgencyCode())) {
            if (!c.centrallyProvided()) {
                problems.add(new FieldProblem("leadAgencyCode", "validation.required"));
            }
        } else if (agencies.apply(c.leadAgencyCode()) == null) {
            problems.add(new FieldProblem("leadAgencyCode", "catalogue.error.agency-unknown", c.leadAgencyCode()));
        }
        if (c.implementations().isEmpty() && !c.centrallyProvided()) {
            problems.add(new FieldProblem("implementations", "catalogue.error.implementation-required"));
        }
        for (Implementation implementation : c.implementations()) {
            if (implementation.level() == null) {
                problems.add(new FieldProblem("implementations", "validation.required"));
            } else if (implementation.agencyCode() != null) {
                Agency agency = agencies.apply(implementation.agencyCode());
                if (agency == null) {
                    problems.add(new FieldProblem("implementations", "catalogue.error.agency-unknown",
                            implementation.agencyCode()));
                } else if (agency.level() != implementation.level()) {
                    problems.add(new FieldProblem("implementations", "catalogue.error.agency-level",
                            implementation.agencyCode()));
                }
            }
        }
    }

    private static void channelRules(ProcedureContent c, List<FieldProblem> problems) {
        Set<Channel> seen = EnumSet.noneOf(Channel.class);
        for (ChannelTerms terms : c.channels()) {
            if (terms.channel() == null) {
                problems.add(new FieldProblem("channels", "validation.required"));
                continue;
            }
            if (!seen.add(terms.channel())) {
                problems.add(new FieldProblem("channels", "catalogue.error.channel-twice", terms.channel().name()));
            }
            if (terms.processingTime() != null) {
                if (terms.processingTime().signum() < 0 || terms.processingTime().compareTo(MAX_DAYS) > 0) {
                    problems.add(new FieldProblem("channels", "catalogue.error.time-range"));
                }
                if (terms.timeUnit() == null) {
                    problems.add(new FieldProblem("channels", "catalogue.error.time-unit"));
                }
            }
            if (terms.fees() != null) {
                for (Fee fee : terms.fees()) {
                    if (fee.amountVnd() < 0 || fee.amountVnd() > 1_000_000_000_000L) {
                        problems.add(new FieldProblem("channels", "catalogue.error.fee-range"));
                    }
                }
            }
        }
        if (c.serviceLevel() != null) {
            boolean online = seen.contains(Channel.ONLINE);
            if (c.serviceLevel().number() >= 3 && !online) {
                problems.add(new FieldProblem("channels", "catalogue.error.online-channel-required"));
            }
            if (c.serviceLevel().number() <= 2 && online) {
                problems.add(new FieldProblem("channels", "catalogue.error.online-channel-forbidden"));
            }
        }
    }

    private static void text(List<FieldProblem> problems, String field, String value, boolean required, int max) {
        if (blank(value)) {
            if (required) {
                problems.add(new FieldProblem(field, "validation.required"));
            }
        } else if (value.length() > max) {
            problems.add(new FieldProblem(field, "validation.too-long", max));
        }
    }

    static boolean isWebAddress(String value) {
        try {
            URI uri = URI.create(value.strip());
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

}
