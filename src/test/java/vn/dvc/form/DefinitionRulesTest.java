package vn.dvc.form;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dvc.form.FieldType.CHECKBOX;
import static vn.dvc.form.FieldType.DATE;
import static vn.dvc.form.FieldType.GROUP;
import static vn.dvc.form.FieldType.INTEGER;
import static vn.dvc.form.FieldType.NUMBER;
import static vn.dvc.form.FieldType.PERSON_NAME;
import static vn.dvc.form.FieldType.PHONE;
import static vn.dvc.form.FieldType.RADIO;
import static vn.dvc.form.FieldType.SELECT;
import static vn.dvc.form.FieldType.TEXT;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class DefinitionRulesTest {

    static List<String> keys(FormDefinition definition) {
        return DefinitionRules.check(definition).stream().map(p -> p.path() + " " + p.attribute() + " " + p.messageKey())
                .toList();
    }

    static FormField text(String name) {
        return FormField.builder(name, TEXT, "Nhãn " + name).build();
    }

    @Test
    void acceptsTheGenericFormAndTheDemoForms() {
        assertThat(keys(FormDefinition.generic())).isEmpty();
        assertThat(keys(DemoForms.birthRegistration())).isEmpty();
        assertThat(keys(DemoForms.marriageRegistration())).isEmpty();
    }

    @Test
    void theDemoFormsListTheFiftyFourEthnicGroups() {
        assertThat(DemoForms.ETHNIC_GROUPS).hasSize(54).doesNotHaveDuplicates();
    }

    @Test
    void refusesAnEmptyForm() {
        assertThat(keys(new FormDefinition(List.of()))).containsExactly(" fields form.def.empty");
    }

    @Test
    void refusesBadAndRepeatedNamesAmongSiblingsOnly() {
        FormDefinition form = FormDefinition.of(text("fullName"), text("fullName"), text("Full"), text("full_name"),
                text("1x"), FormField.builder("child", GROUP, "Con").fields(text("fullName")).build());
        assertThat(keys(form)).containsExactly("fullName name form.def.name-taken", "Full name form.def.name",
                "full_name name form.def.name", "1x name form.def.name");
    }

    @Test
    void requiresALabelAndAType() {
        FormDefinition form = FormDefinition.of(FormField.builder("a", TEXT, " ").build(),
                FormField.builder("b", null, "B").build());
        assertThat(keys(form)).containsExactly("a label form.def.label", "b type form.def.type");
    }

    @Test
    void refusesAnInvalidRegularExpressionAndPatternsOnNonTextFields() {
        FormDefinition form = FormDefinition.of(FormField.builder("a", TEXT, "A").pattern("[0-9", null).build(),
                FormField.builder("b", DATE, "B").pattern("\\d+", null).build(),
                FormField.builder("c", TEXT, "C").pattern(null, "Sai").build());
        assertThat(keys(form)).containsExactly("a pattern form.def.pattern", "b pattern form.def.pattern-type",
                "c patternMessage form.def.pattern-message");
        assertThat(DefinitionRules.check(form).get(0).args().get(0).toString()).contains("Unclosed character class");
    }

    @Test
    void checksLengthsAndRanges() {
        FormDefinition form = FormDefinition.of(FormField.builder("a", TEXT, "A").length(5, 3).build(),
                FormField.builder("b", NUMBER, "B").length(1, 3).build(),
                FormField.builder("c", NUMBER, "C").range(BigDecimal.TEN, BigDecimal.ONE).build(),
                FormField.builder("d", TEXT, "D").range(BigDecimal.ONE, null).build(),
                FormField.builder("e", TEXT, "E").length(null, 20_000).build());
        assertThat(keys(form)).containsExactly("a maxLength form.def.lengths", "b maxLength form.def.lengths-type",
                "c min form.def.range", "d min form.def.range-type", "e maxLength form.def.lengths");
    }

    @Test
    void requiresOptionsForSelectAndRadioWithDistinctUsableValues() {
        FormDefinition form = FormDefinition.of(FormField.builder("a", SELECT, "A").build(),
                FormField.builder("b", RADIO, "B").option("x", "X").option("x", "Y").option("p|q", "P").build(),
                FormField.builder("c", TEXT, "C").option("x", "X").build(),
                FormField.builder("d", CHECKBOX, "D").build(),
                FormField.builder("e", SELECT, "E").option("x", " ").build());
        assertThat(keys(form)).containsExactly("a options form.def.options-required",
                "b options form.def.option-duplicate", "b options form.def.option-value",
                "c options form.def.options-type", "e options form.def.option-label");
    }

    @Test
    void refusesAConditionOnAFieldThatDoesNotExistInScope() {
        FormDefinition form = FormDefinition.of(
                FormField.builder("a", TEXT, "A").visibleWhen("missing", "x").build(),
                FormField.builder("b", TEXT, "B").visibleWhen("b", "x").build(),
                FormField.builder("g", GROUP, "G").fields(text("inner")).build(),
                // A field inside another group's item is not in scope.
                FormField.builder("c", TEXT, "C").visibleWhen("inner", "x").build(),
                FormField.builder("d", TEXT, "D").visibleWhen("g", "x").build());
        assertThat(keys(form)).containsExactly("a visibleWhen form.def.condition-field",
                "b visibleWhen form.def.condition-field", "c visibleWhen form.def.condition-field",
                "d visibleWhen form.def.condition-group");
    }

    @Test
    void checksConditionValuesAgainstTheOptionsOfTheFieldTheyRead() {
        FormDefinition form = FormDefinition.of(
                FormField.builder("nationality", SELECT, "Quốc tịch").option("VN", "Việt Nam").option("OTHER", "Khác")
                        .build(),
                FormField.builder("agree", CHECKBOX, "Đồng ý").build(),
                FormField.builder("a", TEXT, "A").visibleWhen("nationality", "Khác").build(),
                FormField.builder("b", TEXT, "B").visibleWhen("agree", "yes").build(),
                FormField.builder("c", TEXT, "C").visibleWhen(new Condition("agree", List.of())).build(),
                FormField.builder("d", TEXT, "D").visibleWhen("nationality", "OTHER").build());
        assertThat(keys(form)).containsExactly("a visibleWhen form.def.condition-option",
                "b visibleWhen form.def.condition-checkbox", "c visibleWhen form.def.condition-values");
    }

    @Test
    void nestedFieldsMayReadTheLevelsAroundThem() {
        FormDefinition form = FormDefinition.of(
                FormField.builder("kind", RADIO, "Loại").option("a", "A").option("b", "B").build(),
                FormField.builder("parties", GROUP, "Các bên").fields(
                        FormField.builder("x", TEXT, "X").visibleWhen("kind", "a").build()).build());
        assertThat(keys(form)).isEmpty();
    }

    @Test
    void refusesConditionsThatGoRound() {
        FormDefinition form = FormDefinition.of(
                FormField.builder("a", TEXT, "A").visibleWhen("b", "1").build(),
                FormField.builder("b", TEXT, "B").visibleWhen("c", "1").build(),
                FormField.builder("c", TEXT, "C").visibleWhen("a", "1").build(),
                FormField.builder("d", TEXT, "D").visibleWhen("a", "1").build());
        List<DefinitionRules.Problem> problems = DefinitionRules.check(form);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).messageKey()).isEqualTo("form.def.cycle");
        assertThat(problems.get(0).args().get(0).toString()).isEqualTo("a → b → c → a");
    }

    @Test
    void checksPrefillKeysAndTheTypesTheyFit() {
        FormDefinition form = FormDefinition.of(
                FormField.builder("a", TEXT, "A").prefill("applicant.nickname").build(),
                FormField.builder("b", TEXT, "B").prefill("applicant.dateOfBirth").build(),
                FormField.builder("c", PHONE, "C").prefill("applicant.phone").build(),
                FormField.builder("d", DATE, "D").prefill("applicant.dateOfBirth").build(),
                FormField.builder("children", GROUP, "Con").fields(
                        FormField.builder("e", TEXT, "E").prefill("applicant.fullName").build()).build(),
                FormField.builder("declarant", GROUP, "Người khai").items(1, 1).fields(
                        FormField.builder("f", TEXT, "F").prefill("applicant.fullName").build()).build());
        assertThat(keys(form)).containsExactly("a prefill form.def.prefill", "b prefill form.def.prefill-type",
                "children.e prefill form.def.prefill-repeating");
    }

    @Test
    void checksGroups() {
        FormDefinition form = FormDefinition.of(
                FormField.builder("a", GROUP, "A").build(),
                FormField.builder("b", GROUP, "B").items(3, 2).fields(text("x")).build(),
                FormField.builder("c", TEXT, "C").items(1, 2).build(),
                FormField.builder("d", GROUP, "D").fields(FormField.builder("e", GROUP, "E").fields(
                        FormField.builder("f", GROUP, "F").fields(FormField.builder("g", GROUP, "G")
                                .fields(text("h")).build()).build()).build()).build());
        assertThat(keys(form)).containsExactly("a fields form.def.group-fields", "b items form.def.items",
                "c fields form.def.group-only", "d.e.f.g fields form.def.depth");
    }

    @Test
    void normalisesTextsToNfcAndBlanksToNothing() {
        String decomposed = java.text.Normalizer.normalize(" Họ và tên ", java.text.Normalizer.Form.NFD);
        FormField field = new FormField(" fullName ", decomposed, " ", TEXT, true, "", " ", null, null, null, null,
                null, null, null, null, null, null, " ", "  ");
        FormField clean = DefinitionRules.normalise(FormDefinition.of(field)).fields().get(0);
        assertThat(clean.name()).isEqualTo("fullName");
        assertThat(clean.label()).isEqualTo("Họ và tên");
        assertThat(clean.labelEn()).isNull();
        assertThat(clean.pattern()).isNull();
        assertThat(clean.patternMessage()).isNull();
        assertThat(clean.prefill()).isNull();
        assertThat(clean.help()).isNull();
    }

    @Test
    void refusesAWholeNumberRangeWhoseMinimumIsAboveItsMaximumOrNotWhole() {
        FormDefinition form = FormDefinition.of(
                FormField.builder("copies", INTEGER, "Số bản sao").range(BigDecimal.ZERO, BigDecimal.valueOf(20))
                        .build(),
                FormField.builder("below", INTEGER, "Âm").range(BigDecimal.valueOf(-5), null).build(),
                FormField.builder("a", INTEGER, "A").range(BigDecimal.TEN, BigDecimal.ONE).build(),
                FormField.builder("b", INTEGER, "B").range(new BigDecimal("0.5"), BigDecimal.TEN).build(),
                FormField.builder("c", INTEGER, "C").range(null, new BigDecimal("1e19")).build(),
                FormField.builder("d", INTEGER, "D").range(new BigDecimal("2.00"), new BigDecimal("3.0")).build(),
                FormField.builder("e", NUMBER, "E").range(BigDecimal.TEN, BigDecimal.ONE).build(),
                FormField.builder("f", PERSON_NAME, "F").range(BigDecimal.ONE, null).build());
        assertThat(keys(form)).containsExactly("a min form.def.range", "b min form.def.range-integer",
                "c min form.def.range-integer", "e min form.def.range", "f min form.def.range-type");
    }

    @Test
    void aMinimumAgeBelongsToADateAndIsPlausible() {
        FormDefinition form = FormDefinition.of(
                FormField.builder("mother", DATE, "Ngày sinh mẹ").minAge(14).build(),
                FormField.builder("a", DATE, "A").minAge(-1).build(),
                FormField.builder("b", DATE, "B").minAge(121).build(),
                FormField.builder("c", TEXT, "C").minAge(18).build());
        assertThat(keys(form)).containsExactly("a minAge form.def.min-age", "b minAge form.def.min-age",
                "c minAge form.def.min-age-type");
    }

    @Test
    void aPersonNameTakesNamePrefillsButHasNoPatternOrLengths() {
        FormDefinition form = FormDefinition.of(
                FormField.builder("a", PERSON_NAME, "A").prefill("applicant.fullName").build(),
                FormField.builder("b", PERSON_NAME, "B").prefill("applicant.representative").build(),
                FormField.builder("c", PERSON_NAME, "C").prefill("applicant.phone").build(),
                FormField.builder("d", PERSON_NAME, "D").pattern("[A-Z]+", null).length(2, 50).build(),
                FormField.builder("e", TEXT, "E").prefill("applicant.organisationName").build());
        assertThat(keys(form)).containsExactly("c prefill form.def.prefill-type", "d maxLength form.def.lengths-type",
                "d pattern form.def.pattern-type");
    }

    @Test
    void theDemoFormsUseNamesWholeNumbersAndAgeLimits() {
        FormDefinition birth = DemoForms.birthRegistration();
        assertThat(birth.field("child.fullName").orElseThrow().type()).isEqualTo(PERSON_NAME);
        assertThat(birth.field("mother.fullName").orElseThrow().type()).isEqualTo(PERSON_NAME);
        assertThat(birth.field("declarant.fullName").orElseThrow().type()).isEqualTo(PERSON_NAME);
        assertThat(birth.field("mother.dateOfBirth").orElseThrow().minAge()).isEqualTo(DemoForms.ADULT_ROLE_AGE);
        assertThat(birth.field("declarant.dateOfBirth").orElseThrow().minAge()).isEqualTo(DemoForms.ADULT_ROLE_AGE);
        assertThat(birth.field("child.dateOfBirth").orElseThrow().minAge()).isNull();
        assertThat(birth.field("copies").orElseThrow().type()).isEqualTo(INTEGER);
        FormDefinition marriage = DemoForms.marriageRegistration();
        assertThat(marriage.field("bride.dateOfBirth").orElseThrow().minAge()).isEqualTo(18);
        assertThat(marriage.field("groom.dateOfBirth").orElseThrow().minAge()).isEqualTo(20);
        assertThat(marriage.field("groom.previousMarriages.spouseName").orElseThrow().type()).isEqualTo(PERSON_NAME);
        // Each party's group names the party: "Thêm mục: …" buttons of the bride and the groom differ.
        assertThat(marriage.field("bride.previousMarriages").orElseThrow().label())
                .isNotEqualTo(marriage.field("groom.previousMarriages").orElseThrow().label()).endsWith("bên nữ");
    }
}
