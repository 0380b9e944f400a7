package vn.dvc.form;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dvc.form.AnswerRulesTest.json;
import static vn.dvc.form.FieldType.CHECKBOX;
import static vn.dvc.form.FieldType.DATE;
import static vn.dvc.form.FieldType.GROUP;
import static vn.dvc.form.FieldType.NUMBER;
import static vn.dvc.form.FieldType.RADIO;
import static vn.dvc.form.FieldType.SELECT;
import static vn.dvc.form.FieldType.TEXT;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class AnswerTreesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    final FormViews views = new FormViews();

    /** What a browser sends for the rendered form: enabled inputs only, ticked boxes only. */
    static Map<String, String[]> submit(FormViews.FormView view) {
        Map<String, List<String>> sent = new LinkedHashMap<>();
        view.fields().forEach(f -> submit(f, sent));
        Map<String, String[]> parameters = new LinkedHashMap<>();
        sent.forEach((k, v) -> parameters.put(k, v.toArray(String[]::new)));
        return parameters;
    }

    private static void submit(FormViews.FieldView f, Map<String, List<String>> sent) {
        if (f.hidden()) {
            return;
        }
        switch (f.kind()) {
            case "input", "textarea" -> sent.computeIfAbsent(f.name(), k -> new ArrayList<>())
                    .add(f.value() == null ? "" : f.value());
            case "select" -> sent.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f.options().stream()
                    .filter(FormViews.OptionView::selected).map(FormViews.OptionView::value).findFirst().orElse(""));
            case "radio", "checkboxes" -> f.options().stream().filter(FormViews.OptionView::selected)
                    .forEach(o -> sent.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(o.value()));
            case "checkbox" -> {
                if (f.checked()) {
                    sent.computeIfAbsent(f.name(), k -> new ArrayList<>()).add("true");
                }
            }
            default -> f.items().forEach(item -> {
                sent.computeIfAbsent(item.marker(), k -> new ArrayList<>()).add("");
                item.fields().forEach(child -> submit(child, sent));
            });
        }
    }

    static FormCheck check(FormDefinition definition, JsonNode answers) {
        return AnswerRules.check(definition, answers, false, TODAY, TestMessages.in(TestMessages.VIETNAMESE));
    }

    static FormDefinition family() {
        return FormDefinition.of(
                FormField.builder("fullName", TEXT, "Họ và tên").required().build(),
                FormField.builder("born", DATE, "Ngày sinh").build(),
                FormField.builder("income", NUMBER, "Thu nhập").build(),
                FormField.builder("sex", RADIO, "Giới tính").option("nam", "Nam").option("nu", "Nữ").build(),
                FormField.builder("ethnicity", SELECT, "Dân tộc").option("Kinh", "Kinh").option("Gia-rai", "Gia-rai")
                        .build(),
                FormField.builder("papers", CHECKBOX, "Giấy tờ").option("a", "A").option("b", "B").option("c", "C")
                        .build(),
                FormField.builder("agree", CHECKBOX, "Đồng ý").build(),
                FormField.builder("nationality", SELECT, "Quốc tịch").option("VN", "Việt Nam").option("OTHER", "Khác")
                        .build(),
                FormField.builder("nationalityOther", TEXT, "Quốc tịch khác").visibleWhen("nationality", "OTHER")
                        .build(),
                FormField.builder("children", GROUP, "Con").items(0, 5).fields(
                        FormField.builder("fullName", TEXT, "Họ và tên").required().build(),
                        FormField.builder("disabled", CHECKBOX, "Khuyết tật").build(),
                        FormField.builder("allowance", NUMBER, "Trợ cấp").visibleWhen("disabled", "true").build(),
                        FormField.builder("toys", GROUP, "Đồ chơi").items(0, 3).fields(
                                FormField.builder("name", TEXT, "Tên").build()).build())
                        .build());
    }

    @Test
    void answersSurviveARoundTripThroughTheRenderedFormAndThePost() {
        JsonNode answers = check(family(), json("{'fullName': 'Rơ Châm H\\u2019Bia', 'born': '1990-05-06', "
                + "'income': 12.5, 'sex': 'nu', 'ethnicity': 'Gia-rai', 'papers': ['a', 'c'], 'agree': true, "
                + "'nationality': 'VN', 'children': [{'fullName': 'Rơ Châm A', 'disabled': true, 'allowance': 3,"
                + " 'toys': [{'name': 'bóng'}, {'name': 'xe'}]}, {'fullName': 'Rơ Châm B', 'disabled': false}]}"))
                .answers();
        Map<String, String[]> post = submit(views.of(family(), answers, null));
        assertThat(post.get("f.born")).containsExactly("06/05/1990");
        assertThat(post.get("f.children[0].toys[1].name")).containsExactly("xe");
        assertThat(post).doesNotContainKey("f.nationalityOther").doesNotContainKey("f.children[1].allowance");

        JsonNode read = AnswerTrees.fromParameters(family(), post);
        FormCheck again = check(family(), read);
        assertThat(again.ok()).isTrue();
        assertThat(again.answers()).isEqualTo(answers);
    }

    @Test
    void readsGroupItemsInIndexOrderAndCompactsGaps() {
        Map<String, String[]> post = new LinkedHashMap<>();
        post.put("f.fullName", new String[] {"A"});
        post.put("f.children[7].fullName", new String[] {"Second"});
        post.put("f.children[2].fullName", new String[] {"First"});
        post.put("f.children[9]._item", new String[] {""});
        post.put("f.children[x].fullName", new String[] {"ignored"});
        post.put("f.unknown", new String[] {"ignored"});
        JsonNode read = AnswerTrees.fromParameters(family(), post);
        assertThat(read.get("children").size()).isEqualTo(3);
        assertThat(read.get("children").get(0).get("fullName").asString()).isEqualTo("First");
        assertThat(read.get("children").get(1).get("fullName").asString()).isEqualTo("Second");
        assertThat(read.get("children").get(2).has("fullName")).isFalse();
        assertThat(read.has("unknown")).isFalse();
        assertThat(read.get("agree").booleanValue()).isFalse();
    }

    @Test
    void addsAndRemovesItemsWithinTheGroupsLimits() {
        FormDefinition form = family();
        JsonNode one = json("{'children': [{'fullName': 'A', 'toys': [{'name': 'x'}]}]}");
        JsonNode two = AnswerTrees.addItem(form, one, "children");
        assertThat(two.get("children").size()).isEqualTo(2);
        assertThat(one.get("children").size()).as("the answers given are not changed").isEqualTo(1);
        JsonNode toys = AnswerTrees.addItem(form, two, "children[0].toys");
        assertThat(toys.get("children").get(0).get("toys").size()).isEqualTo(2);
        JsonNode removed = AnswerTrees.removeItem(form, toys, "children[0]");
        assertThat(removed.get("children").size()).isEqualTo(1);
        assertThat(removed.get("children").get(0).has("fullName")).isFalse();

        JsonNode full = json("{'children': [{}, {}, {}, {}, {}]}");
        assertThat(AnswerTrees.addItem(form, full, "children").get("children").size()).isEqualTo(5);
        // Unknown or malformed paths change nothing.
        assertThat(AnswerTrees.addItem(form, one, "fullName")).isEqualTo(one);
        assertThat(AnswerTrees.addItem(form, one, "children[0")).isEqualTo(one);
        assertThat(AnswerTrees.removeItem(form, one, "children[5]")).isEqualTo(one);
    }

    @Test
    void neverRemovesBelowTheFewestItemsAGroupShows() {
        FormDefinition form = FormDefinition.of(FormField.builder("parties", GROUP, "Bên").items(2, 4).fields(
                FormField.builder("fullName", TEXT, "Họ và tên").build()).build());
        JsonNode two = json("{'parties': [{'fullName': 'A'}, {'fullName': 'B'}]}");
        assertThat(AnswerTrees.removeItem(form, two, "parties[1]")).isEqualTo(two);
        // The form shows two items even when the answers hold none: adding gives a third.
        assertThat(AnswerTrees.addItem(form, json("{}"), "parties").get("parties").size()).isEqualTo(3);
    }

    @Test
    void appliesTheButtonThePostCameFrom() {
        Forms forms = new Forms(null, null, java.time.Clock.systemUTC());
        JsonNode answers = json("{'children': [{'fullName': 'A'}]}");
        assertThat(forms.applyItemButton(family(), answers, Map.of("_addItem", new String[] {"children"})).orElseThrow()
                .get("children").size()).isEqualTo(2);
        assertThat(forms.applyItemButton(family(), answers, Map.of("_removeItem", new String[] {"children[0]"}))
                .orElseThrow().has("children")).isTrue();
        assertThat(forms.applyItemButton(family(), answers, Map.of("send", new String[] {""}))).isEmpty();
    }

    @Test
    void prefillsEmptyFieldsOnlyAtTheTopAndInSections() {
        FormDefinition form = DemoForms.birthRegistration();
        Map<String, String> applicant = Map.of("applicant.fullName", "Nguyễn Văn An", "applicant.citizenId",
                "064090001234", "applicant.phone", "0912345678", "applicant.address", "12 Lê Lợi, Pleiku",
                "applicant.dateOfBirth", "1990-01-15");
        JsonNode filled = AnswerTrees.prefill(form, json("{'declarant': [{'phone': '0987654321'}]}"), applicant);
        JsonNode declarant = filled.get("declarant").get(0);
        assertThat(declarant.get("fullName").asString()).isEqualTo("Nguyễn Văn An");
        assertThat(declarant.get("citizenId").asString()).isEqualTo("064090001234");
        assertThat(declarant.get("phone").asString()).as("typed by the applicant").isEqualTo("0987654321");
        assertThat(declarant.get("dateOfBirth").asString()).isEqualTo("1990-01-15");
        assertThat(filled.has("child")).isFalse();

        FormDefinition generic = FormDefinition.generic();
        JsonNode contact = AnswerTrees.prefill(generic, null, Map.of("applicant.fullName", " Lê Thị Bình ",
                "applicant.email", ""));
        assertThat(contact.get("contactName").asString()).isEqualTo("Lê Thị Bình");
        assertThat(contact.has("email")).isFalse();
        assertThat(contact.has("organisation")).as("a citizen has no organisation to prefill").isFalse();
    }

    @Test
    void anOrganisationPrefillsItsOwnFieldsAndItsRepresentativeIntoThePersonFields() {
        // What identity's ApplicantProfile.prefillData answers for an organisation.
        Map<String, String> company = Map.of("applicant.fullName", "Lê Thị Hoa", "applicant.citizenId", "064185000002",
                "applicant.representative", "Lê Thị Hoa", "applicant.organisationName", "Công ty TNHH Cà phê Ia Grai",
                "applicant.taxCode", "5999999982", "applicant.address", "5 Hùng Vương, Pleiku",
                "applicant.phone", "02693824999");
        JsonNode generic = AnswerTrees.prefill(FormDefinition.generic(), null, company);
        assertThat(generic.get("contactName").asString()).isEqualTo("Lê Thị Hoa");
        assertThat(generic.get("organisation").get(0).get("organisationName").asString())
                .isEqualTo("Công ty TNHH Cà phê Ia Grai");
        assertThat(generic.get("organisation").get(0).get("taxCode").asString()).isEqualTo("5999999982");
        assertThat(generic.get("address").asString()).isEqualTo("5 Hùng Vương, Pleiku");
        JsonNode birth = AnswerTrees.prefill(DemoForms.birthRegistration(), null, company);
        assertThat(birth.get("declarant").get(0).get("fullName").asString()).isEqualTo("Lê Thị Hoa");
        assertThat(birth.get("declarant").get(0).has("dateOfBirth")).isFalse();
    }

    @Test
    void theViewLinksTheErrorSummaryToTheFieldsAndDescribesEachField() {
        FormDefinition form = family();
        List<FieldProblem> problems = List.of(new FieldProblem("children[0].fullName", "Vui lòng nhập thông tin này."),
                new FieldProblem("sex", "Vui lòng chọn một mục."), new FieldProblem("", "Lỗi chung"));
        FormViews.FormView view = views.of(form, json("{'children': [{}]}"), problems);
        assertThat(view.summary()).containsExactly(
                new FormViews.SummaryLine("f-children-0-fullName", "Con (1) › Họ và tên: Vui lòng nhập thông tin này."),
                new FormViews.SummaryLine("f-sex-1", "Giới tính: Vui lòng chọn một mục."),
                new FormViews.SummaryLine(null, "Lỗi chung"));
        FormViews.FieldView child = view.fields().get(9).items().get(0).fields().get(0);
        assertThat(child.name()).isEqualTo("f.children[0].fullName");
        assertThat(child.describedBy()).isEqualTo("f-children-0-fullName-error");
        assertThat(view.fields().get(1).describedBy()).isEqualTo("f-born-hint");
        FormViews.FieldView allowance = view.fields().get(9).items().get(0).fields().get(2);
        assertThat(allowance.hidden()).isTrue();
        assertThat(allowance.whenName()).isEqualTo("f.children[0].disabled");
        assertThat(allowance.whenValues()).isEqualTo("[\"true\"]");
    }
}
