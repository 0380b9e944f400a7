package vn.dvc.form;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import vn.dvc.shared.VietnamTime;

/**
 * What other modules use of e-forms: the form of a procedure version, checking answers (in full for a
 * submission, by type only for a draft), reading answers from an HTML form post, the add and remove
 * buttons of repeating groups, and prefilling from the applicant's data. Messages are in the
 * request's language.
 *
 * <p>Pages render a form with the fragment {@code form/fields :: fields(definition, answers, problems)}
 * inside their own {@code <form>}; its inputs are named {@code f.<path>}.
 */
@Service
public class Forms {

    /** The request parameter of a group's add button; its value is the group's path, e.g. {@code children}. */
    public static final String ADD_ITEM = "_addItem";
    /** The request parameter of an item's remove button; its value is the item's path, e.g. {@code children[1]}. */
    public static final String REMOVE_ITEM = "_removeItem";
    /** Every input of the fragment is named with this prefix and the answer's path. */
    public static final String PARAMETER_PREFIX = AnswerTrees.PREFIX;

    private final FormDefinitions definitions;
    private final MessageSource messages;
    private final Clock clock;

    Forms(FormDefinitions definitions, MessageSource messages, Clock clock) {
        this.definitions = definitions;
        this.messages = messages;
        this.clock = clock;
    }

    /** The version's form, or {@link FormDefinition#generic()} if its agency has not written one. */
    public FormDefinition definitionFor(long procedureVersionId) {
        return definitions.find(procedureVersionId).orElseGet(FormDefinition::generic);
    }

    /** Whether the version has a form of its own (rather than the generic one). */
    public boolean hasOwnDefinition(long procedureVersionId) {
        return definitions.find(procedureVersionId).isPresent();
    }

    /** Full check, for a submission: every rule, required fields included. */
    public FormCheck check(long procedureVersionId, JsonNode answers) {
        return check(definitionFor(procedureVersionId), answers);
    }

    /** Check of a draft: types and formats only; required fields and fewest items are not enforced. */
    public FormCheck checkDraft(long procedureVersionId, JsonNode answers) {
        return checkDraft(definitionFor(procedureVersionId), answers);
    }

    public FormCheck check(FormDefinition definition, JsonNode answers) {
        return AnswerRules.check(definition, answers, false, today(), this::message);
    }

    public FormCheck checkDraft(FormDefinition definition, JsonNode answers) {
        return AnswerRules.check(definition, answers, true, today(), this::message);
    }

    /**
     * The answers of an HTML form post whose inputs the fragment rendered (names like
     * {@code f.children[0].fullName}), as typed: {@link #check} cleans them.
     */
    public JsonNode fromParameters(FormDefinition definition, Map<String, String[]> requestParameters) {
        return AnswerTrees.fromParameters(definition, requestParameters);
    }

    /**
     * If the post came from a group's add button ({@value #ADD_ITEM}) or an item's remove button
     * ({@value #REMOVE_ITEM}), the answers with that item added or removed; empty otherwise. The
     * buttons are plain submit buttons, so this works without JavaScript: the page is shown again.
     */
    public Optional<JsonNode> applyItemButton(FormDefinition definition, JsonNode answers,
            Map<String, String[]> requestParameters) {
        String[] add = requestParameters.get(ADD_ITEM);
        if (add != null && add.length > 0) {
            return Optional.of(addItem(definition, answers, add[0]));
        }
        String[] remove = requestParameters.get(REMOVE_ITEM);
        if (remove != null && remove.length > 0) {
            return Optional.of(removeItem(definition, answers, remove[0]));
        }
        return Optional.empty();
    }

    /** The answers with an empty item added to the group at {@code groupPath}, unless it is full. */
    public JsonNode addItem(FormDefinition definition, JsonNode answers, String groupPath) {
        return AnswerTrees.addItem(definition, answers, groupPath);
    }

    /** The answers without the item at {@code itemPath}, unless its group is at its fewest items. */
    public JsonNode removeItem(FormDefinition definition, JsonNode answers, String itemPath) {
        return AnswerTrees.removeItem(definition, answers, itemPath);
    }

    /**
     * The answers with each empty field that has a prefill key filled from {@code applicantData}
     * (keyed by {@link PrefillKeys}, e.g. {@code FULL_NAME -> "Nguyễn Văn An"}); what the applicant typed is kept.
     */
    public JsonNode prefill(FormDefinition definition, JsonNode answers, Map<String, String> applicantData) {
        return AnswerTrees.prefill(definition, answers, applicantData);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(VietnamTime.ZONE));
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
