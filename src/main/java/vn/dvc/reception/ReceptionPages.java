package vn.dvc.reception;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
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
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.CurrentUser;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.PageResult;
import vn.dvc.shared.VietnamTime;

/** The officer's pages: the agency's queue and a dossier with the actions its status allows. */
@Controller
class ReceptionPages {

    private final Reception reception;
    private final Dossiers dossiers;
    private final RefusalReasons reasons;
    private final CurrentUser currentUser;
    private final JsonMapper json;
    private final MessageSource messages;
    private final Clock clock;
    private final DueSoon dueSoon;

    ReceptionPages(Reception reception, Dossiers dossiers, RefusalReasons reasons, CurrentUser currentUser,
            JsonMapper json, MessageSource messages, Clock clock, DueSoon dueSoon) {
        this.dueSoon = dueSoon;
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

    @PostMapping("/reception/dossiers/{code}/request-supplement")
    String requestSupplement(@PathVariable String code, @RequestParam(required = false) String items,
            @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect, Locale locale) {
        AccountPrincipal officer = officer();
        List<String> lines = items == null ? List.of() : Arrays.asList(items.split("\\R"));
        try {
            reception.requestSupplement(code, officer, lines, reason);
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("items", items);
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
        model.addAttribute("submittedAt", zoned(d.submittedAt()));
        model.addAttribute("receivedAt", zoned(d.receivedAt()));
        model.addAttribute("dueAt", zoned(d.dueAt()));
        model.addAttribute("answers", answers(d.formJson()));
        model.addAttribute("documents", dossiers.documents(d.id()));
        model.addAttribute("timeline", dossiers.timeline(d.id()).stream().map(t -> Map.of("at", zoned(t.occurredAt()),
                "actor", t.actor(), "kind", t.kind(), "to", t.to() == null ? 0 : t.to().national(),
                "message", t.message() == null ? "" : t.message())).toList());
        model.addAttribute("supplements", dossiers.supplements(d.id()));
        model.addAttribute("actions", ReceptionApi.actions(d.status()));
        model.addAttribute("reasons", reasons.active());
        model.addAttribute("hasReceipt", reception.receipt(d.id()).isPresent());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "reception/dossier";
    }

    /** The e-form answers as label/value lines (nested values as JSON text), read-only. */
    private List<Map<String, String>> answers(String formJson) {
        List<Map<String, String>> lines = new ArrayList<>();
        JsonNode form = json.readTree(formJson == null ? "{}" : formJson);
        form.properties().forEach(e -> lines.add(Map.of("name", e.getKey(),
                "value", e.getValue().isValueNode() ? e.getValue().asString() : e.getValue().toString())));
        return lines;
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
