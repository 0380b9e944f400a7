package vn.dvc.form;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.JsonNode;
import vn.dvc.catalogue.Procedure;
import vn.dvc.identity.CurrentUser;
import vn.dvc.shared.ConflictException;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.ProblemException;

/**
 * The form editor of a procedure, for its agency's administrators and the system administrator: the
 * list of fields with add, edit, move and delete, a preview rendered by the applicants' fragment (which
 * can be tried out), import and export as JSON, and publishing. Every change is a plain HTML form post.
 */
@Controller
@RequestMapping("/admin/procedures/{code}/form")
@PreAuthorize("hasAnyRole('AGENCY_ADMIN','SYSTEM_ADMIN')")
class FormEditorPages {

    private final FormEditing editing;
    private final Forms forms;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    FormEditorPages(FormEditing editing, Forms forms, CurrentUser currentUser, MessageSource messages) {
        this.editing = editing;
        this.forms = forms;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @GetMapping
    String editor(@PathVariable String code, Model model) {
        return editorPage(open(code), model, null, null);
    }

    @PostMapping("/preview")
    String preview(@PathVariable String code, HttpServletRequest request, Model model) {
        FormEditing.Draft draft = open(code);
        Map<String, String[]> parameters = request.getParameterMap();
        JsonNode answers = forms.fromParameters(draft.definition(), parameters);
        var button = forms.applyItemButton(draft.definition(), answers, parameters);
        if (button.isPresent()) {
            return editorPage(draft, model, forms.checkDraft(draft.definition(), button.get()).answers(), null);
        }
        FormCheck check = forms.check(draft.definition(), answers);
        model.addAttribute("previewChecked", true);
        return editorPage(draft, model, check.answers(), check.problems());
    }

    @GetMapping("/fields/new")
    String newField(@PathVariable String code, @RequestParam(defaultValue = "") String parent, Model model) {
        FormEditing.Draft draft = open(code);
        List<Integer> parentPositions = parent.isEmpty() ? List.of() : FieldTree.parse(parent);
        if (parentPositions == null || FieldTree.level(draft.definition(), parentPositions) == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        FieldForm form = new FieldForm();
        form.setType(FieldType.TEXT.name());
        form.setRevision(draft.revision());
        return fieldPage(draft, model, form, parent, null, List.of(), null, null);
    }

    @PostMapping("/fields/new")
    String addField(@PathVariable String code, @RequestParam(defaultValue = "") String parent,
            @ModelAttribute("field") FieldForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        FormEditing.Draft draft = open(code);
        List<Integer> parentPositions = parent.isEmpty() ? List.of() : FieldTree.parse(parent);
        if (parentPositions == null || FieldTree.level(draft.definition(), parentPositions) == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String parentNames = parentPositions.isEmpty() ? "" : FieldTree.namePath(draft.definition(), parentPositions) + ".";
        String path = parentNames + (form.getName() == null ? "" : form.getName().strip());
        List<DefinitionRules.Problem> problems = new ArrayList<>();
        FormField field = form.toField(List.of(), path, problems);
        return applyField(code, draft, form, parent, null, path, problems,
                d -> FieldTree.append(d, parentPositions, field), model, response, redirect);
    }

    @GetMapping("/fields/{position}")
    String editField(@PathVariable String code, @PathVariable String position, Model model) {
        FormEditing.Draft draft = open(code);
        List<Integer> positions = FieldTree.parse(position);
        FormField field = FieldTree.get(draft.definition(), positions);
        if (field == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return fieldPage(draft, model, FieldForm.of(field, draft.revision()), parentOf(positions), position, List.of(),
                null, null);
    }

    @PostMapping("/fields/{position}")
    String saveField(@PathVariable String code, @PathVariable String position, @ModelAttribute("field") FieldForm form,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        FormEditing.Draft draft = open(code);
        List<Integer> positions = FieldTree.parse(position);
        FormField existing = FieldTree.get(draft.definition(), positions);
        if (existing == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<Integer> parent = positions.subList(0, positions.size() - 1);
        String parentNames = parent.isEmpty() ? "" : FieldTree.namePath(draft.definition(), parent) + ".";
        String path = parentNames + (form.getName() == null ? "" : form.getName().strip());
        List<DefinitionRules.Problem> problems = new ArrayList<>();
        FormField field = form.toField(existing.fields(), path, problems);
        return applyField(code, draft, form, parentOf(positions), position, path, problems,
                d -> FieldTree.replace(d, positions, field), model, response, redirect);
    }

    private String applyField(String code, FormEditing.Draft draft, FieldForm form, String parent, String position,
            String path, List<DefinitionRules.Problem> problems, java.util.function.UnaryOperator<FormDefinition> change,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            if (!problems.isEmpty()) {
                throw new InvalidDefinitionException(problems, draft.definition());
            }
            editing.change(code, form.getRevision(), change, currentUser.scope(), currentUser.actor());
            redirect.addFlashAttribute("notice", "form.editor.field-saved");
            return "redirect:/admin/procedures/" + code + "/form";
        } catch (InvalidDefinitionException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return fieldPage(draft, model, form, parent, position, e.problems(), path, e.definition());
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("conflict", message(e.messageKey(), e.args()));
            return fieldPage(draft, model, form, parent, position, List.of(), null, null);
        }
    }

    @PostMapping("/fields/{position}/up")
    String moveUp(@PathVariable String code, @PathVariable String position, @RequestParam int revision, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return treeChange(code, position, revision, positions -> d -> FieldTree.move(d, positions, -1),
                "form.editor.moved", model, response, redirect);
    }

    @PostMapping("/fields/{position}/down")
    String moveDown(@PathVariable String code, @PathVariable String position, @RequestParam int revision, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return treeChange(code, position, revision, positions -> d -> FieldTree.move(d, positions, 1),
                "form.editor.moved", model, response, redirect);
    }

    @PostMapping("/fields/{position}/delete")
    String delete(@PathVariable String code, @PathVariable String position, @RequestParam int revision, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return treeChange(code, position, revision, positions -> d -> FieldTree.remove(d, positions),
                "form.editor.deleted", model, response, redirect);
    }

    private String treeChange(String code, String position, int revision,
            java.util.function.Function<List<Integer>, java.util.function.UnaryOperator<FormDefinition>> change,
            String notice, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        List<Integer> positions = FieldTree.parse(position);
        if (positions == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return attempt(code, model, response, redirect, notice,
                () -> editing.change(code, revision, change.apply(positions), currentUser.scope(), currentUser.actor()));
    }

    @PostMapping("/publish")
    String publish(@PathVariable String code, @RequestParam int revision,
            @RequestParam(required = false) String changeNote, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            Procedure published = editing.publish(code, revision, changeNote, currentUser.scope(), currentUser.actor());
            redirect.addFlashAttribute("notice", "form.editor.published");
            redirect.addFlashAttribute("noticeArg", published.versionNo());
            return "redirect:/admin/procedures/" + code + "/form";
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (InvalidDefinitionException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return editorPage(open(code), model, null, null, describe(e.problems(), e.definition()));
        } catch (ConflictException | InvalidInputException e) {
            response.setStatus(e instanceof ConflictException ? HttpStatus.CONFLICT.value()
                    : HttpStatus.BAD_REQUEST.value());
            return editorPage(open(code), model, null, null, problemsOf(e));
        }
    }

    @PostMapping("/discard")
    String discard(@PathVariable String code, @RequestParam int revision, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return attempt(code, model, response, redirect, "form.editor.discarded", () -> {
            editing.discard(code, revision, currentUser.scope());
            return null;
        });
    }

    @GetMapping("/export")
    ResponseEntity<byte[]> export(@PathVariable String code) {
        FormEditing.Draft draft = open(code);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("bieu-mau-" + code + ".json", StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(editing.write(draft.definition()));
    }

    @PostMapping("/import")
    String importDefinition(@PathVariable String code, @RequestParam int revision,
            @RequestParam("file") MultipartFile file, Model model, HttpServletResponse response,
            RedirectAttributes redirect) throws IOException {
        byte[] content = file.getBytes();
        return attempt(code, model, response, redirect, "form.editor.imported", () -> {
            FormDefinition imported = editing.read(content);
            return editing.change(code, revision, d -> imported, currentUser.scope(), currentUser.actor());
        });
    }

    private String attempt(String code, Model model, HttpServletResponse response, RedirectAttributes redirect,
            String notice, java.util.function.Supplier<Object> action) {
        try {
            action.get();
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/admin/procedures/" + code + "/form";
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (InvalidDefinitionException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return editorPage(open(code), model, null, null, describe(e.problems(), e.definition()));
        } catch (ConflictException | InvalidInputException e) {
            response.setStatus(e instanceof ConflictException ? HttpStatus.CONFLICT.value()
                    : HttpStatus.BAD_REQUEST.value());
            return editorPage(open(code), model, null, null, problemsOf(e));
        }
    }

    private FormEditing.Draft open(String code) {
        try {
            return editing.open(code, currentUser.scope());
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private String editorPage(FormEditing.Draft draft, Model model, JsonNode previewAnswers,
            List<FieldProblem> previewProblems) {
        return editorPage(draft, model, previewAnswers, previewProblems, List.of());
    }

    private String editorPage(FormEditing.Draft draft, Model model, JsonNode previewAnswers,
            List<FieldProblem> previewProblems, List<String> errors) {
        model.addAttribute("draft", draft);
        model.addAttribute("procedure", draft.procedure());
        model.addAttribute("rows", FieldTree.rows(draft.definition()));
        model.addAttribute("definition", draft.definition());
        model.addAttribute("previewAnswers", previewAnswers);
        model.addAttribute("previewProblems", previewProblems);
        model.addAttribute("errors", errors);
        return "form/editor";
    }

    /**
     * The page of one field. Problems of the field itself are shown next to its inputs (by attribute);
     * problems the change caused elsewhere (a condition that read the old name) at the top.
     */
    private String fieldPage(FormEditing.Draft draft, Model model, FieldForm form, String parent, String position,
            List<DefinitionRules.Problem> problems, String path, FormDefinition refused) {
        Map<String, String> byAttribute = new java.util.LinkedHashMap<>();
        List<DefinitionRules.Problem> elsewhere = new ArrayList<>();
        for (DefinitionRules.Problem p : problems) {
            if (path != null && p.path().equals(path)) {
                byAttribute.merge(p.attribute(), message(p.messageKey(), p.args().toArray()), (a, b) -> a + " " + b);
            } else {
                elsewhere.add(p);
            }
        }
        List<Integer> parentPositions = parent == null || parent.isEmpty() ? List.of() : FieldTree.parse(parent);
        Integer self = position == null ? null : FieldTree.parse(position).get(parentPositions.size());
        model.addAttribute("procedure", draft.procedure());
        model.addAttribute("field", form);
        model.addAttribute("parent", parent == null ? "" : parent);
        model.addAttribute("position", position);
        model.addAttribute("parentLabel", parentPositions.isEmpty() ? null
                : FieldTree.get(draft.definition(), parentPositions).label());
        model.addAttribute("readable", FieldTree.readable(draft.definition(), parentPositions, self));
        model.addAttribute("types", FieldType.values());
        model.addAttribute("prefillKeys", FormField.PREFILL_KEYS);
        model.addAttribute("fieldErrors", byAttribute);
        model.addAttribute("errors", describe(elsewhere, refused == null ? draft.definition() : refused));
        model.addAttribute("summary", summary(byAttribute));
        return "form/field";
    }

    /** The error summary of the field page: each message with the id of the input it is about. */
    private List<String[]> summary(Map<String, String> byAttribute) {
        List<String[]> lines = new ArrayList<>();
        byAttribute.forEach((attribute, text) -> lines.add(new String[] {"field-" + attribute,
                message("form.editor.attribute." + attribute) + ": " + text}));
        return lines;
    }

    private static String parentOf(List<Integer> positions) {
        return positions.size() <= 1 ? "" : FieldTree.format(positions.subList(0, positions.size() - 1));
    }

    /** Problems of the definition as sentences that say which field they are about. */
    private List<String> describe(List<DefinitionRules.Problem> problems, FormDefinition definition) {
        List<String> lines = new ArrayList<>();
        for (DefinitionRules.Problem p : problems) {
            String text = message(p.messageKey(), p.args().toArray());
            if (p.path().isEmpty()) {
                lines.add(text);
            } else {
                String label = definition == null ? null : definition.field(p.path()).map(FormField::label).orElse(null);
                lines.add(message("form.editor.problem-at", label == null ? p.path() : label + " (" + p.path() + ")",
                        text));
            }
        }
        return lines;
    }

    private List<String> problemsOf(ProblemException e) {
        if (e instanceof InvalidInputException && !e.fieldProblems().isEmpty()) {
            return e.fieldProblems().stream().map(p -> message(p.messageKey(), p.args().toArray())).toList();
        }
        return List.of(message(e.messageKey(), e.args()));
    }

    private String message(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}
