package vn.dvc.reception;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.Dossiers;
import vn.dvc.form.FieldType;
import vn.dvc.form.FormDefinition;
import vn.dvc.form.FormField;
import vn.dvc.form.Forms;
import vn.dvc.form.Option;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.CurrentUser;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.PageResult;
import vn.dvc.shared.VietnamTime;

/** The officer's pages: the agency's queue and a dossier with the actions its status allows. */
@Controller
class ReceptionPages {

    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Reception reception;
    private final Dossiers dossiers;
    private final RefusalReasons reasons;
    private final CurrentUser currentUser;
    private final JsonMapper json;
    private final MessageSource messages;
    private final Clock clock;
    private final DueSoon dueSoon;
    private final Forms forms;
    private final vn.dvc.identity.Applicants applicants;

    ReceptionPages(Reception reception, Dossiers dossiers, RefusalReasons reasons, CurrentUser currentUser,
            JsonMapper json, MessageSource messages, Clock clock, DueSoon dueSoon, Forms forms,
            vn.dvc.identity.Applicants applicants) {
        this.applicants = applicants;
        this.dueSoon = dueSoon;
        this.forms = forms;
        this.reception = reception;
        this.dossiers = dossiers;
        this.reasons = reasons;
        this.currentUser = currentUser;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
    }

    /** A queue line as the page shows it. */
    record Line(String code, String procedureName, String channel, int status, ZonedDateTime submittedAt,
            ZonedDateTime dueAt, boolean overdue, boolean dueSoon) {
    }

    @GetMapping("/reception")
    String queue(@RequestParam(required = false) Integer status, @RequestParam(required = false) String due,
            @RequestParam(required = false) Integer page, Model model) {
        AccountPrincipal officer = officer();
        Instant now = clock.instant();
        String dueFilter = due == null ? "" : due;
        Instant soon = dueSoon.limit(now, officer.agencyCode());
        PageResult<Dossier> result = dossiers.atAgency(ReceptionApi.query(officer, status, dueFilter, now, soon,
                PageResult.clampPage(page), PageResult.DEFAULT_SIZE));
        model.addAttribute("result", result.map(d -> new Line(d.code(), d.procedureName(), d.channel().name(),
                d.status().national(), zoned(d.submittedAt()), zoned(d.dueAt()), ReceptionApi.overdue(d, now),
                ReceptionApi.dueSoon(d, now, soon))));
        model.addAttribute("status", status);
        model.addAttribute("due", dueFilter);
        model.addAttribute("pagerBase", "/reception?" + (status == null ? "" : "status=" + status + "&")
                + (dueFilter.isEmpty() ? "" : "due=" + dueFilter + "&"));
        return "reception/queue";
    }

    @GetMapping("/reception/dossiers/{code}")
    String dossier(@PathVariable String code, Model model) {
        return show(reception.find(code, officer()), model);
    }

    @PostMapping("/reception/dossiers/{code}/receive")
    String receive(@PathVariable String code, Model model, RedirectAttributes redirect, Locale locale) {
        AccountPrincipal officer = officer();
        try {
            reception.receive(code, officer);
        } catch (ConflictException e) {
            return again(code, officer, model, Map.of("receive", messages.getMessage(e.messageKey(), e.args(), locale)));
        }
        redirect.addFlashAttribute("done", "reception.done.receive");
        return "redirect:/reception/dossiers/" + code;
    }

    /** Rows of the supplement form (form 02): an item and the paper asked for; blank rows are ignored. */
    static final int SUPPLEMENT_ROWS = 10;

    /** One row of the supplement form as the page shows it again. */
    record SupplementRow(String item, String form) {
    }

    @PostMapping("/reception/dossiers/{code}/request-supplement")
    String requestSupplement(@PathVariable String code, @RequestParam(required = false) List<String> items,
            @RequestParam(required = false) List<String> itemForms, @RequestParam(required = false) String reason,
            Model model, RedirectAttributes redirect, Locale locale) {
        AccountPrincipal officer = officer();
        // A row holding several lines (pasted) gives one item per line; the row's paper goes with its first line.
        List<String> lines = new ArrayList<>();
        List<String> lineForms = new ArrayList<>();
        List<SupplementRow> rows = new ArrayList<>();
        List<String> given = items == null ? List.of() : items;
        for (int i = 0; i < given.size(); i++) {
            String form = itemForms != null && i < itemForms.size() ? itemForms.get(i) : null;
            rows.add(new SupplementRow(given.get(i), form));
            String[] split = given.get(i) == null ? new String[0] : given.get(i).split("\\R");
            for (int j = 0; j < split.length; j++) {
                lines.add(split[j]);
                lineForms.add(j == 0 ? form : null);
            }
        }
        try {
            reception.requestSupplement(code, officer, lines, lineForms, reason);
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("itemRows", rows);
            model.addAttribute("reason", reason);
            return again(code, officer, model, problems(e, "supplement", locale));
        }
        redirect.addFlashAttribute("done", "reception.done.request-supplement");
        return "redirect:/reception/dossiers/" + code;
    }

    @PostMapping("/reception/dossiers/{code}/refuse")
    String refuse(@PathVariable String code, @RequestParam(required = false) String reasonCode,
            @RequestParam(required = false) String text, Model model, RedirectAttributes redirect, Locale locale) {
        AccountPrincipal officer = officer();
        try {
            reception.refuse(code, officer, reasonCode, text);
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("reasonCode", reasonCode);
            model.addAttribute("text", text);
            return again(code, officer, model, problems(e, "refuse", locale));
        }
        redirect.addFlashAttribute("done", "reception.done.refuse");
        return "redirect:/reception/dossiers/" + code;
    }

    @PostMapping("/reception/dossiers/{code}/stop")
    String stop(@PathVariable String code, @RequestParam(required = false) String reason, Model model,
            RedirectAttributes redirect, Locale locale) {
        AccountPrincipal officer = officer();
        try {
            reception.stop(code, officer, reason);
        } catch (InvalidInputException | ConflictException e) {
            // The supplement form has its own "reason": the stop form's problems go under their own key.
            Map<String, String> errors = new LinkedHashMap<>();
            problems(e, "stop", locale).forEach((k, v) -> errors.put("reason".equals(k) ? "stopReason" : k, v));
            model.addAttribute("stopReason", reason);
            return again(code, officer, model, errors);
        }
        redirect.addFlashAttribute("done", "reception.done.stop");
        return "redirect:/reception/dossiers/" + code;
    }

    private Map<String, String> problems(RuntimeException e, String form, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e instanceof InvalidInputException invalid && !invalid.fieldProblems().isEmpty()) {
            invalid.fieldProblems().forEach(f -> errors.put(f.field(),
                    messages.getMessage(f.messageKey(), f.args().toArray(), locale)));
        } else if (e instanceof vn.dvc.shared.ProblemException p) {
            errors.put(form, messages.getMessage(p.messageKey(), p.args(), locale));
        }
        return errors;
    }

    private String again(String code, AccountPrincipal officer, Model model, Map<String, String> errors) {
        model.addAttribute("errors", errors);
        return show(reception.find(code, officer), model);
    }

    private String show(Dossier d, Model model) {
        model.addAttribute("d", d);
        // The applicant: a citizen's name, or an organisation's name and tax code.
        model.addAttribute("applicant", applicants.profile(d.applicantId()).orElse(null));
        model.addAttribute("submittedAt", zoned(d.submittedAt()));
        model.addAttribute("receivedAt", zoned(d.receivedAt()));
        model.addAttribute("dueAt", zoned(d.dueAt()));
        model.addAttribute("answers", answers(d, LocaleContextHolder.getLocale()));
        model.addAttribute("documents", dossiers.documents(d.id()));
        model.addAttribute("timeline", dossiers.timeline(d.id()).stream().map(t -> Map.of("at", zoned(t.occurredAt()),
                "actor", t.actor(), "kind", t.kind(), "to", t.to() == null ? 0 : t.to().national(),
                "message", t.message() == null ? "" : t.message())).toList());
        model.addAttribute("supplements", dossiers.supplements(d.id()));
        List<SupplementRow> rows = new ArrayList<>();
        if (model.getAttribute("itemRows") instanceof List<?> typed) {
            typed.forEach(r -> rows.add((SupplementRow) r));
        }
        while (rows.size() < SUPPLEMENT_ROWS) {
            rows.add(new SupplementRow("", ""));
        }
        model.addAttribute("itemRows", rows);
        model.addAttribute("paperForms", vn.dvc.dossier.OriginalOrCopy.values());
        model.addAttribute("actions", ReceptionApi.actions(d.status()));
        model.addAttribute("mayStop", Reception.mayStop(currentUser.principal().orElse(null)));
        model.addAttribute("reasons", reasons.active());
        model.addAttribute("hasReceipt", reception.receipt(d.id()).isPresent());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "reception/dossier";
    }

    /**
     * The e-form answers as label/value lines, read-only: each field under the label of the dossier's form version
     * (a field of a group after its group's label, items of a repeating group numbered), chosen options by their
     * label, dates as dd/mm/yyyy, ticked boxes as yes/no; an answer the form does not know under its own name.
     */
    private List<Map<String, String>> answers(Dossier d, Locale locale) {
        List<Map<String, String>> lines = new ArrayList<>();
        JsonNode form = json.readTree(d.formJson() == null ? "{}" : d.formJson());
        FormDefinition definition = forms.definitionFor(d.procedureVersionId());
        lines(form, definition.fields(), "", "en".equals(locale.getLanguage()), locale, lines);
        return lines;
    }

    private void lines(JsonNode node, List<FormField> fields, String prefix, boolean english, Locale locale,
            List<Map<String, String>> lines) {
        node.properties().forEach(e -> {
            FormField field = fields.stream().filter(f -> f.name().equals(e.getKey())).findFirst().orElse(null);
            String label = prefix + (field == null ? e.getKey() : field.label(english));
            JsonNode value = e.getValue();
            boolean group = field != null && !field.fields().isEmpty();
            if (group && value.isObject()) {
                lines(value, field.fields(), label + " — ", english, locale, lines);
            } else if (group && value.isArray()) {
                int number = 0;
                for (JsonNode item : value) {
                    number++;
                    if (item.isObject()) {
                        lines(item, field.fields(), label + " " + number + " — ", english, locale, lines);
                    }
                }
            } else if (value.isArray()) {
                List<String> shown = new ArrayList<>();
                value.forEach(v -> shown.add(shown(field, v, english, locale)));
                lines.add(Map.of("name", label, "value", String.join(", ", shown)));
            } else {
                lines.add(Map.of("name", label, "value", shown(field, value, english, locale)));
            }
        });
    }

    private String shown(FormField field, JsonNode value, boolean english, Locale locale) {
        if (value.isBoolean()) {
            return messages.getMessage(value.asBoolean() ? "common.yes" : "common.no", null, locale);
        }
        if (!value.isValueNode()) {
            return value.toString();
        }
        String text = value.asString();
        if (field == null) {
            return text;
        }
        for (Option option : field.options()) {
            if (option.value().equals(text)) {
                return english && option.labelEn() != null && !option.labelEn().isBlank() ? option.labelEn()
                        : option.label();
            }
        }
        if (field.type() == FieldType.DATE && text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                return LocalDate.parse(text).format(DAY_FIRST);
            } catch (DateTimeParseException e) {
                return text;
            }
        }
        return text;
    }

    private AccountPrincipal officer() {
        AccountPrincipal principal = currentUser.principal().orElseThrow(() -> new AccessDeniedException("anonymous"));
        Reception.officerAgency(principal);
        return principal;
    }

    private static ZonedDateTime zoned(Instant instant) {
        return instant == null ? null : instant.atZone(VietnamTime.ZONE);
    }
}
