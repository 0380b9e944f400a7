package vn.dvc.form;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dvc.form.FieldType.CHECKBOX;
import static vn.dvc.form.FieldType.CITIZEN_ID;
import static vn.dvc.form.FieldType.DATE;
import static vn.dvc.form.FieldType.EMAIL;
import static vn.dvc.form.FieldType.GROUP;
import static vn.dvc.form.FieldType.INTEGER;
import static vn.dvc.form.FieldType.NUMBER;
import static vn.dvc.form.FieldType.PERSON_NAME;
import static vn.dvc.form.FieldType.PHONE;
import static vn.dvc.form.FieldType.RADIO;
import static vn.dvc.form.FieldType.SELECT;
import static vn.dvc.form.FieldType.TAX_CODE;
import static vn.dvc.form.FieldType.TEXT;
import static vn.dvc.form.FieldType.TEXTAREA;
import static vn.dvc.form.TestMessages.vi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AnswerRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final JsonMapper JSON = JsonMapper.builder().build();

    static JsonNode json(String text) {
        return JSON.readTree(text.replace('\'', '"'));
    }

    static FormCheck check(FormDefinition definition, String answers) {
        return AnswerRules.check(definition, json(answers), false, TODAY, TestMessages.in(TestMessages.VIETNAMESE));
    }

    static FormCheck draft(FormDefinition definition, String answers) {
        return AnswerRules.check(definition, json(answers), true, TODAY, TestMessages.in(TestMessages.VIETNAMESE));
    }

    static FormDefinition one(FormField.Builder field) {
        return FormDefinition.of(field.build());
    }

    static FieldProblem problem(String path, String key, Object... args) {
        return new FieldProblem(path, vi(key, args));
    }

    @Test
    void requiresRequiredFieldsWithAMessageForEachKind() {
        FormDefinition form = FormDefinition.of(
                FormField.builder("fullName", TEXT, "Họ và tên").required().build(),
                FormField.builder("sex", RADIO, "Giới tính").required().option("nam", "Nam").option("nu", "Nữ").build(),
                FormField.builder("agree", CHECKBOX, "Tôi cam đoan").required().build(),
                FormField.builder("papers", CHECKBOX, "Giấy tờ").required().option("a", "A").option("b", "B").build(),
                FormField.builder("note", TEXT, "Ghi chú").build());
        FormCheck check = check(form, "{'fullName': '   ', 'agree': false}");
        assertThat(check.ok()).isFalse();
        assertThat(check.problems()).containsExactly(
                problem("fullName", "form.rule.required"),
                problem("sex", "form.rule.required-choice"),
                problem("agree", "form.rule.required-check"),
                problem("papers", "form.rule.required-checks"));
    }

    @Test
    void cleansTextsTrimmedInNfcAndDropsEmptyAndUnknownFields() {
        FormDefinition form = FormDefinition.of(FormField.builder("fullName", TEXT, "Họ và tên").build(),
                FormField.builder("note", TEXT, "Ghi chú").build());
        // "Nguyễn" typed with combining marks (NFD), as some keyboards send it.
        String decomposed = java.text.Normalizer.normalize("  Nguyễn Văn An ", java.text.Normalizer.Form.NFD);
        FormCheck check = check(form, "{'fullName': '" + decomposed + "', 'note': '', 'other': 'x'}");
        assertThat(check.ok()).isTrue();
        assertThat(check.answers().get("fullName").asString()).isEqualTo("Nguyễn Văn An");
        assertThat(check.answers().has("note")).isFalse();
        assertThat(check.answers().has("other")).isFalse();
    }

    @Test
    void checksAPatternWithTheFieldsOwnMessage() {
        FormDefinition form = FormDefinition.of(
                FormField.builder("plate", TEXT, "Biển số").pattern("\\d{2}[A-Z]-\\d{3}\\.\\d{2}",
                        "Biển số có dạng 81A-123.45").build(),
                FormField.builder("code", TEXT, "Mã").pattern("[A-Z]{3}", null).build());
        assertThat(check(form, "{'plate': '81A-123.45', 'code': 'ABC'}").ok()).isTrue();
        assertThat(check(form, "{'plate': '81A12345', 'code': 'ABCD'}").problems()).containsExactly(
                new FieldProblem("plate", "Biển số có dạng 81A-123.45"),
                problem("code", "form.rule.pattern"));
    }

    @Test
    void aPatternThatBacktracksForeverCountsAsNoMatchInsteadOfHanging() {
        FormDefinition form = one(FormField.builder("x", TEXT, "X").pattern("(a+)+b", null));
        FormCheck check = check(form, "{'x': '" + "a".repeat(60) + "'}");
        assertThat(check.problems()).containsExactly(problem("x", "form.rule.pattern"));
    }

    @Test
    void checksLengthsInCharactersNotBytes() {
        FormDefinition form = one(FormField.builder("name", TEXT, "Tên").length(3, 5));
        assertThat(check(form, "{'name': 'Đỗ Ân'}").ok()).isTrue();
        assertThat(check(form, "{'name': 'Ân'}").problems()).containsExactly(problem("name", "form.rule.min-length", 3));
        assertThat(check(form, "{'name': 'Nguyễn'}").problems())
                .containsExactly(problem("name", "form.rule.max-length", 5));
    }

    @Test
    void capsTextsWithoutAStatedMaximum() {
        FormDefinition form = FormDefinition.of(FormField.builder("a", TEXT, "A").build(),
                FormField.builder("b", TEXTAREA, "B").build());
        assertThat(check(form, "{'a': '" + "x".repeat(1000) + "', 'b': '" + "x".repeat(10_000) + "'}").ok()).isTrue();
        assertThat(check(form, "{'a': '" + "x".repeat(1001) + "', 'b': '" + "x".repeat(10_001) + "'}").problems())
                .containsExactly(problem("a", "form.rule.max-length", 1000), problem("b", "form.rule.max-length", 10_000));
    }

    @Test
    void readsNumbersWithACommaOrAPointAndChecksTheRange() {
        FormDefinition form = one(FormField.builder("area", NUMBER, "Diện tích")
                .range(new BigDecimal("0.5"), new BigDecimal("1000")));
        FormCheck comma = check(form, "{'area': '12,5'}");
        assertThat(comma.ok()).isTrue();
        assertThat(comma.answers().get("area").isNumber()).isTrue();
        assertThat(comma.answers().get("area").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(check(form, "{'area': 250}").answers().get("area").decimalValue()).isEqualByComparingTo("250");
        assertThat(check(form, "{'area': '12 lô'}").problems()).containsExactly(problem("area", "form.rule.number"));
        assertThat(check(form, "{'area': '1.000.000'}").problems()).containsExactly(problem("area", "form.rule.number"));
        assertThat(check(form, "{'area': '0,4'}").problems()).containsExactly(problem("area", "form.rule.min", "0.5"));
        assertThat(check(form, "{'area': '1000.01'}").problems()).containsExactly(problem("area", "form.rule.max", "1000"));
    }

    @Test
    void readsWholeNumbersIgnoringSpacesAndLeadingZerosAndRefusesDecimals() {
        FormDefinition form = one(FormField.builder("copies", INTEGER, "Số bản sao")
                .range(BigDecimal.ZERO, BigDecimal.valueOf(2000)));
        for (String typed : new String[] {"12", " 12 ", "012", "0 012", "+12"}) {
            FormCheck check = check(form, "{'copies': '" + typed + "'}");
            assertThat(check.problems()).as(typed).isEmpty();
            assertThat(check.answers().get("copies").isIntegralNumber()).as(typed).isTrue();
            assertThat(check.answers().get("copies").longValue()).as(typed).isEqualTo(12);
        }
        assertThat(check(form, "{'copies': '1 500'}").answers().get("copies").longValue()).isEqualTo(1500);
        assertThat(check(form, "{'copies': 7}").answers().get("copies").longValue()).isEqualTo(7);
        assertThat(check(form, "{'copies': '0'}").answers().get("copies").longValue()).isZero();
        for (String decimal : new String[] {"2,5", "2.5", "1.500", "1,000", "3.", ",5"}) {
            assertThat(check(form, "{'copies': '" + decimal + "'}").problems()).as(decimal)
                    .containsExactly(problem("copies", "form.rule.integer-decimal"));
        }
        for (String word : new String[] {"hai", "2 bản", "1e3", "--2", "½", "１２"}) {
            assertThat(check(form, "{'copies': '" + word + "'}").problems()).as(word)
                    .containsExactly(problem("copies", "form.rule.integer"));
        }
        assertThat(check(form, "{'copies': '-1'}").problems()).containsExactly(problem("copies", "form.rule.min", "0"));
        assertThat(check(form, "{'copies': '2001'}").problems())
                .containsExactly(problem("copies", "form.rule.max", "2000"));
        assertThat(check(one(FormField.builder("n", INTEGER, "N")), "{'n': '1234567890123456789'}").problems())
                .containsExactly(problem("n", "form.rule.integer-too-large", AnswerRules.MAX_INTEGER_DIGITS));
        assertThat(check(one(FormField.builder("n", INTEGER, "N")), "{'n': '-000123'}").answers().get("n").longValue())
                .isEqualTo(-123);
        // A draft keeps what was typed so that the applicant can correct it.
        assertThat(draft(form, "{'copies': '2,5'}").answers().get("copies").asString()).isEqualTo("2,5");
    }

    @Test
    void aPersonNameIsLettersComposedWithSpacesCollapsed() {
        FormDefinition form = one(FormField.builder("fullName", PERSON_NAME, "Họ và tên").required());
        String decomposed = java.text.Normalizer.normalize("  Nguyễn   Thị Ánh ", java.text.Normalizer.Form.NFD);
        FormCheck check = check(form, "{'fullName': '" + decomposed + "'}");
        assertThat(check.problems()).isEmpty();
        assertThat(check.answers().get("fullName").asString()).isEqualTo("Nguyễn Thị Ánh");
        assertThat(check(form, "{'fullName': 'Ksor H\\u2019Hạnh'}").ok()).isTrue();
        assertThat(check(form, "{'fullName': 'Trần-Lê V. Minh'}").ok()).isTrue();
        for (String bad : new String[] {"Nguyễn Văn An 😀", "Lê Văn 2", "Lê @ Văn", "<b>Lê</b>"}) {
            assertThat(check(form, "{'fullName': '" + bad + "'}").problems()).as(bad)
                    .containsExactly(problem("fullName", "form.rule.person-name.characters", 2, 100));
        }
        assertThat(check(form, "{'fullName': 'A'}").problems())
                .containsExactly(problem("fullName", "form.rule.person-name.too-short", 2, 100));
        assertThat(check(form, "{'fullName': '" + "Ấ".repeat(101) + "'}").problems())
                .containsExactly(problem("fullName", "form.rule.person-name.too-long", 2, 100));
        assertThat(check(form, "{}").problems()).containsExactly(problem("fullName", "form.rule.required"));
        assertThat(vi("form.rule.person-name.characters", 2, 100)).contains("dấu nháy (')");
    }

    @Test
    void readsDatesDayFirstOrIsoAndStoresThemIso() {
        FormDefinition form = one(FormField.builder("signedOn", DATE, "Ngày ký"));
        assertThat(check(form, "{'signedOn': '27/03/2019'}").answers().get("signedOn").asString()).isEqualTo("2019-03-27");
        assertThat(check(form, "{'signedOn': '7-3-2019'}").answers().get("signedOn").asString()).isEqualTo("2019-03-07");
        assertThat(check(form, "{'signedOn': '2019-03-27'}").answers().get("signedOn").asString()).isEqualTo("2019-03-27");
        assertThat(check(form, "{'signedOn': '31/02/2019'}").problems())
                .containsExactly(problem("signedOn", "form.rule.date-nonexistent"));
        assertThat(check(form, "{'signedOn': '2023-02-29'}").problems())
                .containsExactly(problem("signedOn", "form.rule.date-nonexistent"));
        assertThat(check(form, "{'signedOn': '03/27/2019'}").problems()).containsExactly(problem("signedOn", "form.rule.date"));
        assertThat(check(form, "{'signedOn': 'hôm qua'}").problems()).containsExactly(problem("signedOn", "form.rule.date"));
    }

    @Test
    void refusesImplausibleDatesAndBirthDatesInTheFuture() {
        FormDefinition form = FormDefinition.of(FormField.builder("signedOn", DATE, "Ngày ký").build(),
                FormField.builder("dateOfBirth", DATE, "Ngày sinh").build());
        assertThat(check(form, "{'signedOn': '31/12/1899'}").problems())
                .containsExactly(problem("signedOn", "form.rule.date-range"));
        assertThat(check(form, "{'signedOn': '01/01/2127'}").problems())
                .containsExactly(problem("signedOn", "form.rule.date-range"));
        assertThat(check(form, "{'signedOn': '01/01/2027', 'dateOfBirth': '25/11/2026'}").ok()).isTrue();
        assertThat(check(form, "{'dateOfBirth': '26/11/2026'}").problems())
                .containsExactly(problem("dateOfBirth", "form.rule.date-future"));
        assertThat(check(form, "{'dateOfBirth': '12/05/1800'}").problems())
                .containsExactly(problem("dateOfBirth", "form.rule.birth-year", 1900));
    }

    @Test
    void aDateWithAMinimumAgeIsTheBirthDateOfSomeoneThatOldOnTheDayOfSubmission() {
        // TODAY is 25/11/2026: a mother of at least 14 was born on or before 25/11/2012.
        FormDefinition form = one(FormField.builder("born", DATE, "Ngày sinh của mẹ").minAge(14));
        assertThat(check(form, "{'born': '25/11/2012'}").answers().get("born").asString()).isEqualTo("2012-11-25");
        assertThat(check(form, "{'born': '26/11/2012'}").problems())
                .containsExactly(problem("born", "form.rule.min-age", 14, "25/11/2012"));
        assertThat(check(form, "{'born': '01/01/1800'}").problems())
                .containsExactly(problem("born", "form.rule.birth-year", 1900));
        assertThat(check(form, "{'born': '01/01/2030'}").problems())
                .containsExactly(problem("born", "form.rule.date-future"));
        assertThat(check(form, "{'born': '31/02/1990'}").problems())
                .containsExactly(problem("born", "form.rule.date-nonexistent"));
        assertThat(vi("form.rule.min-age", 14, "25/11/2012"))
                .isEqualTo("Người này phải đủ 14 tuổi vào ngày nộp hồ sơ, tức là sinh vào hoặc trước ngày 25/11/2012.");
    }

    @Test
    void theDemoBirthFormRefusesAMotherOrDeclarantTooYoungAndAChildBornInTheFuture() {
        String answers = "{'child': [{'fullName': 'Rơ Châm Ly', 'dateOfBirth': '%s', 'sex': 'nu',"
                + " 'placeOfBirth': 'Pleiku', 'ethnicity': 'Gia-rai', 'nationality': 'VN'}],"
                + " 'mother': [{'fullName': 'Ksor H\\u2019Hạnh',"
                + " 'dateOfBirth': '%s'}], 'declarant': [{'fullName': 'Ksor H\\u2019Hạnh', 'citizenId': '%s',"
                + " 'dateOfBirth': '%s', 'relationship': 'me', 'residence': 'Pleiku', 'phone': '0912345678'}],"
                + " 'copies': '2', 'commitment': true}";
        FormDefinition birth = DemoForms.birthRegistration();
        assertThat(check(birth, answers.formatted("20/11/2026", "01/07/1995", "064195001234", "01/07/1995")).problems())
                .isEmpty();
        assertThat(check(birth, answers.formatted("20/11/2026", "01/07/2015", "064315001234", "01/07/2015")).problems())
                .extracting(FieldProblem::path).containsExactly("mother[0].dateOfBirth", "declarant[0].dateOfBirth");
        assertThat(check(birth, answers.formatted("20/11/2027", "01/07/1800", "064195001234", "01/07/1995")).problems())
                .extracting(FieldProblem::path).containsExactly("child[0].dateOfBirth", "mother[0].dateOfBirth");
    }

    @Test
    void checksEmailAddresses() {
        FormDefinition form = one(FormField.builder("email", EMAIL, "Thư điện tử"));
        assertThat(check(form, "{'email': 'an.nguyen@gialai.gov.vn'}").ok()).isTrue();
        for (String bad : new String[] {"an.nguyen", "an@", "an@gialai", "an nguyen@gialai.gov.vn", "@gialai.gov.vn"}) {
            assertThat(check(form, "{'email': '" + bad + "'}").problems()).as(bad)
                    .containsExactly(problem("email", "form.rule.email"));
        }
    }

    @Test
    void checksPhoneNumbersAndKeepsThemWithoutSpaces() {
        FormDefinition form = one(FormField.builder("phone", PHONE, "Điện thoại"));
        assertThat(check(form, "{'phone': '0912 345 678'}").answers().get("phone").asString()).isEqualTo("0912345678");
        assertThat(check(form, "{'phone': '+84 912 345 678'}").answers().get("phone").asString()).isEqualTo("+84912345678");
        assertThat(check(form, "{'phone': '912345678'}").problems()).containsExactly(problem("phone", "form.rule.phone"));
    }

    @Test
    void checksACitizenIdAgainstTheDateOfBirthNamedDateOfBirth() {
        FormDefinition form = FormDefinition.of(FormField.builder("citizenId", CITIZEN_ID, "Số CCCD").build(),
                FormField.builder("dateOfBirth", DATE, "Ngày sinh").build());
        assertThat(check(form, "{'citizenId': '064 095 001 234', 'dateOfBirth': '02/04/1995'}").answers()
                .get("citizenId").asString()).isEqualTo("064095001234");
        assertThat(check(form, "{'citizenId': '064095001234', 'dateOfBirth': '02/04/1996'}").problems())
                .containsExactly(problem("citizenId", "form.rule.citizen-id.birth-year", "1996"));
        // Without a date of birth the number is checked alone.
        assertThat(check(form, "{'citizenId': '064095001234'}").ok()).isTrue();
        // A date that is itself wrong is reported once, on the date.
        assertThat(check(form, "{'citizenId': '064095001234', 'dateOfBirth': '31/02/1996'}").problems())
                .containsExactly(problem("dateOfBirth", "form.rule.date-nonexistent"));
    }

    @Test
    void checksACitizenIdAgainstTheDatePrefilledFromTheApplicantsBirthDate() {
        FormDefinition form = FormDefinition.of(
                FormField.builder("idNumber", CITIZEN_ID, "Số CCCD").prefill("applicant.citizenId").build(),
                FormField.builder("born", DATE, "Ngày sinh").prefill("applicant.dateOfBirth").build());
        assertThat(check(form, "{'idNumber': '064195001234', 'born': '1995-07-01'}").ok()).isTrue();
        assertThat(check(form, "{'idNumber': '064195001234', 'born': '2005-07-01'}").problems())
                .containsExactly(problem("idNumber", "form.rule.citizen-id.birth-year", "2005"));
    }

    @Test
    void pairsPrefixedCitizenIdsWithTheirOwnDateOfBirthAndSex() {
        FormDefinition form = FormDefinition.of(
                FormField.builder("childDateOfBirth", DATE, "Ngày sinh của trẻ").build(),
                FormField.builder("fatherCitizenId", CITIZEN_ID, "Số CCCD của cha").build(),
                FormField.builder("fatherDateOfBirth", DATE, "Ngày sinh của cha").build(),
                FormField.builder("motherCitizenId", CITIZEN_ID, "Số CCCD của mẹ").build(),
                FormField.builder("motherSex", RADIO, "Giới tính").option("nam", "Nam").option("nu", "Nữ").build());
        // The child's date of birth is not the father's: only fatherDateOfBirth is compared.
        assertThat(check(form, "{'childDateOfBirth': '2026-10-01', 'fatherCitizenId': '064090001234',"
                + " 'fatherDateOfBirth': '1990-05-05', 'motherCitizenId': '064193001234'}").ok()).isTrue();
        assertThat(check(form, "{'fatherCitizenId': '064090001234', 'fatherDateOfBirth': '1991-05-05'}").problems())
                .containsExactly(problem("fatherCitizenId", "form.rule.citizen-id.birth-year", "1991"));
        assertThat(check(form, "{'motherCitizenId': '064093001234', 'motherSex': 'nu'}").problems())
                .containsExactly(problem("motherCitizenId", "form.rule.citizen-id.sex"));
    }

    @Test
    void reportsCitizenIdFormatProvinceAndCenturyProblems() {
        FormDefinition form = one(FormField.builder("citizenId", CITIZEN_ID, "Số CCCD"));
        assertThat(check(form, "{'citizenId': '06409500123'}").problems())
                .containsExactly(problem("citizenId", "form.rule.citizen-id.format"));
        assertThat(check(form, "{'citizenId': '099095001234'}").problems())
                .containsExactly(problem("citizenId", "form.rule.citizen-id.province"));
        assertThat(check(form, "{'citizenId': '064230001234'}").problems())
                .containsExactly(problem("citizenId", "form.rule.citizen-id.century"));
    }

    @Test
    void checksTaxCodesAndWritesBranchesWithAHyphen() {
        FormDefinition form = one(FormField.builder("taxCode", TAX_CODE, "Mã số thuế"));
        assertThat(check(form, "{'taxCode': '0314409058002'}").answers().get("taxCode").asString())
                .isEqualTo("0314409058-002");
        assertThat(check(form, "{'taxCode': '0100233480'}").problems())
                .containsExactly(problem("taxCode", "form.rule.tax-code.checksum"));
        assertThat(check(form, "{'taxCode': '01002334'}").problems())
                .containsExactly(problem("taxCode", "form.rule.tax-code.format"));
    }

    @Test
    void refusesValuesThatAreNotAmongTheOptions() {
        FormDefinition form = FormDefinition.of(
                FormField.builder("ethnicity", SELECT, "Dân tộc").option("Kinh", "Kinh").option("Gia Rai", "Gia Rai").build(),
                FormField.builder("papers", CHECKBOX, "Giấy tờ").option("a", "A").option("b", "B").build());
        FormCheck fine = check(form, "{'ethnicity': 'Gia Rai', 'papers': ['a', 'b', 'a']}");
        assertThat(fine.ok()).isTrue();
        assertThat(fine.answers().get("papers").size()).isEqualTo(2);
        assertThat(check(form, "{'ethnicity': 'Gia-rai', 'papers': ['c']}").problems())
                .containsExactly(problem("ethnicity", "form.rule.option"), problem("papers", "form.rule.option"));
    }

    static FormDefinition children() {
        return FormDefinition.of(FormField.builder("children", GROUP, "Con").items(1, 3).fields(
                FormField.builder("fullName", TEXT, "Họ và tên").required().build(),
                FormField.builder("dateOfBirth", DATE, "Ngày sinh").build()).build());
    }

    @Test
    void checksEachItemOfAGroupWithIndexedPaths() {
        FormCheck check = check(children(), "{'children': [{'fullName': 'Lê Văn A', 'dateOfBirth': '01/02/2010'},"
                + " {'fullName': ' ', 'dateOfBirth': 'x'}]}");
        assertThat(check.problems()).containsExactly(problem("children[1].fullName", "form.rule.required"),
                problem("children[1].dateOfBirth", "form.rule.date"));
        assertThat(check.answers().get("children").get(0).get("dateOfBirth").asString()).isEqualTo("2010-02-01");
    }

    @Test
    void checksTheNumberOfItemsOfAGroup() {
        assertThat(check(children(), "{}").problems()).containsExactly(problem("children", "form.rule.required"));
        String four = "{'children': [{'fullName': 'A'}, {'fullName': 'B'}, {'fullName': 'C'}, {'fullName': 'D'}]}";
        assertThat(check(children(), four).problems()).containsExactly(problem("children", "form.rule.max-items", 3));
        FormDefinition two = FormDefinition.of(FormField.builder("witnesses", GROUP, "Người làm chứng").items(2, null)
                .fields(FormField.builder("fullName", TEXT, "Họ và tên").build()).build());
        assertThat(check(two, "{'witnesses': [{'fullName': 'A'}]}").problems())
                .containsExactly(problem("witnesses", "form.rule.min-items", 2));
    }

    @Test
    void leavesOutAnOptionalSectionLeftEmpty() {
        FormDefinition form = FormDefinition.of(FormField.builder("father", GROUP, "Người cha").items(0, 1).fields(
                FormField.builder("fullName", TEXT, "Họ và tên").required().build(),
                FormField.builder("known", CHECKBOX, "Đã biết").build()).build());
        FormCheck empty = check(form, "{'father': [{'fullName': '', 'known': false}]}");
        assertThat(empty.ok()).isTrue();
        assertThat(empty.answers().has("father")).isFalse();
        assertThat(check(form, "{'father': [{'known': true}]}").problems())
                .containsExactly(problem("father[0].fullName", "form.rule.required"));
    }

    static FormDefinition conditional() {
        return FormDefinition.of(
                FormField.builder("nationality", SELECT, "Quốc tịch").required().option("VN", "Việt Nam")
                        .option("OTHER", "Khác").build(),
                FormField.builder("nationalityOther", TEXT, "Quốc tịch khác").required()
                        .visibleWhen("nationality", "OTHER").build(),
                FormField.builder("passport", TEXT, "Số hộ chiếu").required().visibleWhen("nationalityOther", "Lào")
                        .build());
    }

    @Test
    void neitherChecksNorKeepsHiddenFields() {
        FormCheck vietnamese = check(conditional(), "{'nationality': 'VN', 'nationalityOther': 'Lào', 'passport': ''}");
        assertThat(vietnamese.ok()).isTrue();
        assertThat(vietnamese.answers().has("nationalityOther")).isFalse();
        assertThat(vietnamese.answers().has("passport")).isFalse();
        FormCheck other = check(conditional(), "{'nationality': 'OTHER', 'nationalityOther': 'Lào'}");
        assertThat(other.problems()).containsExactly(problem("passport", "form.rule.required"));
    }

    @Test
    void conditionsInsideAGroupReadTheirOwnItemAndThenTheLevelsAround() {
        FormDefinition form = FormDefinition.of(
                FormField.builder("kind", RADIO, "Loại").option("a", "A").option("b", "B").build(),
                FormField.builder("parties", GROUP, "Các bên").items(1, 2).fields(
                        FormField.builder("marriedBefore", CHECKBOX, "Đã từng kết hôn").build(),
                        FormField.builder("previous", TEXT, "Lần trước").required().visibleWhen("marriedBefore", "true")
                                .build(),
                        FormField.builder("extra", TEXT, "Thêm").required().visibleWhen("kind", "b").build())
                        .build());
        FormCheck check = check(form, "{'kind': 'a', 'parties': [{'marriedBefore': true}, {'marriedBefore': false}]}");
        assertThat(check.problems()).containsExactly(problem("parties[0].previous", "form.rule.required"));
        FormCheck b = check(form, "{'kind': 'b', 'parties': [{'marriedBefore': 'false'}]}");
        assertThat(b.problems()).containsExactly(problem("parties[0].extra", "form.rule.required"));
    }

    @Test
    void aConditionOnANumberComparesNumbers() {
        FormDefinition form = FormDefinition.of(FormField.builder("times", NUMBER, "Lần thứ").build(),
                FormField.builder("why", TEXT, "Lý do").required().visibleWhen("times", "2").build());
        assertThat(check(form, "{'times': '2,0'}").problems()).containsExactly(problem("why", "form.rule.required"));
        assertThat(check(form, "{'times': '1'}").ok()).isTrue();
    }

    @Test
    void aDraftIsCheckedForTypesButNotForRequiredFieldsOrFewestItems() {
        FormDefinition form = FormDefinition.of(FormField.builder("fullName", TEXT, "Họ và tên").required().build(),
                FormField.builder("phone", PHONE, "Điện thoại").required().build(),
                FormField.builder("children", GROUP, "Con").items(1, 2).fields(
                        FormField.builder("fullName", TEXT, "Họ và tên").required().build()).build());
        FormCheck empty = draft(form, "{}");
        assertThat(empty.ok()).isTrue();
        FormCheck typed = draft(form, "{'phone': '12345', 'children': [{}, {}, {}]}");
        assertThat(typed.problems()).containsExactly(problem("phone", "form.rule.phone"),
                problem("children", "form.rule.max-items", 2));
        // What failed is kept as typed, so that the page shows it back.
        assertThat(typed.answers().get("phone").asString()).isEqualTo("12345");
    }

    @Test
    void speaksEnglishWhenAskedTo() {
        FormCheck check = AnswerRules.check(one(FormField.builder("x", TEXT, "X").required()), json("{}"), false, TODAY,
                TestMessages.in(Locale.ENGLISH));
        assertThat(check.problems()).containsExactly(new FieldProblem("x", "Enter this information."));
    }

    @Test
    void theGenericFormAsksForTheRequestAndContactDetails() {
        FormCheck check = check(FormDefinition.generic(), "{'requestSummary': 'Xin cấp bản sao', 'contactName': 'Lê Thị B',"
                + " 'phone': '0912345678', 'address': '12 Trần Hưng Đạo, Pleiku'}");
        assertThat(check.ok()).isTrue();
        assertThat(check(FormDefinition.generic(), "{}").problems()).extracting(FieldProblem::path)
                .containsExactly("requestSummary", "contactName", "phone", "address");
        // The organisation section is for organisations: left empty it is not provided, started it is complete.
        assertThat(check.answers().has("organisation")).isFalse();
        assertThat(check(FormDefinition.generic(), "{'requestSummary': 'Xin cấp bản sao', 'contactName': 'Lê Thị B',"
                + " 'phone': '0912345678', 'address': 'Pleiku', 'organisation': [{'organisationName': 'HTX Ia Grai'}]}")
                .problems()).extracting(FieldProblem::path).containsExactly("organisation[0].taxCode");
    }
}
