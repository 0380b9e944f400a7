package vn.dvc.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvc.DemoAccounts.as;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.dvc.IntegrationTest;
import vn.dvc.catalogue.Channel;
import vn.dvc.catalogue.ChannelTerms;
import vn.dvc.catalogue.Implementation;
import vn.dvc.catalogue.OnlineMode;
import vn.dvc.catalogue.Procedure;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.catalogue.ProcedureContent;
import vn.dvc.catalogue.Procedures;
import vn.dvc.catalogue.ServiceLevel;
import vn.dvc.catalogue.TimeUnit;
import vn.dvc.identity.AgencyScope;
import vn.dvc.organisation.AgencyLevel;

/** The form editor against the whole application: versions, scope, refusals, escaping. */
@IntegrationTest
class FormEditorTest {

    static final String JUSTICE = "000.00.03.H21";
    static final AtomicInteger NEXT = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Procedures procedures;
    @Autowired
    ProcedureCatalogue catalogue;
    @Autowired
    Forms forms;

    /** A new procedure of the Department of Justice, with a code no other test uses. */
    String newProcedure() {
        String code = String.format("1.98%04d", NEXT.getAndIncrement());
        List<ChannelTerms> channels = List.of(
                new ChannelTerms(Channel.DIRECT, BigDecimal.valueOf(3), TimeUnit.WORKING_DAYS, List.of(), null),
                new ChannelTerms(Channel.ONLINE, BigDecimal.valueOf(3), TimeUnit.WORKING_DAYS, List.of(), null));
        catalogue.add(new ProcedureContent(code, "Thủ tục thử biểu mẫu " + code, "Hộ tịch", JUSTICE,
                List.of(new Implementation(AgencyLevel.PROVINCIAL, JUSTICE)), ServiceLevel.LEVEL_3, OnlineMode.PARTIAL,
                false, channels, List.of(), null, null, null, null, null, null, null), AgencyScope.PROVINCE, "test");
        return code;
    }

    static MockHttpServletRequestBuilder addField(String code, int revision, String name, String type, String label) {
        return post("/admin/procedures/" + code + "/form/fields/new").param("revision", String.valueOf(revision))
                .param("name", name).param("type", type).param("label", label);
    }

    Procedure current(String code) {
        return procedures.find(code).orElseThrow();
    }

    long versions(String code) {
        return procedures.history(code).size();
    }

    boolean hasDraft(String code) {
        return jdbc.sql("select count(*) from form_draft where procedure_code = ?").param(code).query(Long.class)
                .single() > 0;
    }

    int revision(String code) {
        return jdbc.sql("select revision from form_draft where procedure_code = ?").param(code).query(Integer.class)
                .optional().orElse(0);
    }

    @Test
    void publishingAFormMakesANewVersionAndEarlierVersionsKeepTheirForm() throws Exception {
        String code = newProcedure();
        Procedure first = current(code);
        assertThat(forms.definitionFor(first.versionId())).isEqualTo(FormDefinition.generic());

        mvc.perform(addField(code, 0, "plotNumber", "TEXT", "Số thửa đất").param("required", "true")
                        .with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(redirectedUrl("/admin/procedures/" + code + "/form"));
        assertThat(versions(code)).as("a draft publishes nothing").isEqualTo(1);
        mvc.perform(post("/admin/procedures/" + code + "/form/publish").param("revision", "1")
                        .param("changeNote", "Thêm số thửa").with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(redirectedUrl("/admin/procedures/" + code + "/form"));

        Procedure second = current(code);
        assertThat(second.versionNo()).isEqualTo(2);
        assertThat(second.content()).isEqualTo(first.content());
        assertThat(second.changeNote()).contains("Thêm số thửa");
        FormDefinition published = forms.definitionFor(second.versionId());
        assertThat(published.fields()).extracting(FormField::name)
                .containsExactly("requestSummary", "contactName", "citizenId", "phone", "email", "address",
                        "organisation", "plotNumber");
        assertThat(published.field("plotNumber").orElseThrow().required()).isTrue();
        assertThat(hasDraft(code)).isFalse();

        // A second edit: the label of the new field; version 2 keeps the form it was published with.
        mvc.perform(post("/admin/procedures/" + code + "/form/fields/7").param("revision", "0")
                        .param("name", "plotNumber").param("type", "TEXT").param("label", "Số hiệu thửa đất")
                        .with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/procedures/" + code + "/form/publish").param("revision", "1")
                .with(as(users, "admin")).with(csrf())).andExpect(status().is3xxRedirection());
        Procedure third = current(code);
        assertThat(third.versionNo()).isEqualTo(3);
        assertThat(forms.definitionFor(third.versionId()).field("plotNumber").orElseThrow().label())
                .isEqualTo("Số hiệu thửa đất");
        assertThat(forms.definitionFor(second.versionId()).field("plotNumber").orElseThrow().label())
                .isEqualTo("Số thửa đất");
        assertThat(forms.definitionFor(first.versionId())).isEqualTo(FormDefinition.generic());
    }

    @Test
    void aCatalogueRevisionCopiesTheFormOfThePreviousVersion() throws Exception {
        String code = newProcedure();
        mvc.perform(addField(code, 0, "landUse", "TEXT", "Mục đích sử dụng đất").with(as(users, "quantri.stp"))
                .with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/procedures/" + code + "/form/publish").param("revision", "1")
                .with(as(users, "quantri.stp")).with(csrf())).andExpect(status().is3xxRedirection());
        Procedure withForm = current(code);

        Procedure revised = catalogue.revise(code, withForm.versionNo(), withForm.content(), "Đổi lệ phí",
                AgencyScope.PROVINCE, "test");
        assertThat(revised.versionNo()).isEqualTo(withForm.versionNo() + 1);
        assertThat(forms.hasOwnDefinition(revised.versionId())).isTrue();
        assertThat(forms.definitionFor(revised.versionId())).isEqualTo(forms.definitionFor(withForm.versionId()));
    }

    @Test
    void aCatalogueEditWhileADraftIsOpenDoesNotBlockPublishingIt() throws Exception {
        String code = newProcedure();
        mvc.perform(addField(code, 0, "owner", "TEXT", "Chủ sở hữu").with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Procedure before = current(code);
        catalogue.revise(code, before.versionNo(), before.content(), "Sửa phí", AgencyScope.PROVINCE, "test");
        mvc.perform(post("/admin/procedures/" + code + "/form/publish").param("revision", "1")
                .with(as(users, "quantri.stp")).with(csrf())).andExpect(status().is3xxRedirection());
        Procedure after = current(code);
        assertThat(after.versionNo()).isEqualTo(before.versionNo() + 2);
        assertThat(forms.definitionFor(after.versionId()).field("owner")).isPresent();
    }

    @Test
    void anotherAgencysAdministratorAndOtherRolesAreRefused() throws Exception {
        String code = newProcedure();
        mvc.perform(get("/admin/procedures/" + code + "/form").with(as(users, "quantri.pleiku")))
                .andExpect(status().isNotFound());
        mvc.perform(addField(code, 0, "x", "TEXT", "X").with(as(users, "quantri.pleiku")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/procedures/" + code + "/form").with(as(users, "dieuphoi.stttt")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/procedures/" + code + "/form").with(as(users, "chuyenvien.stp")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/procedures/" + code + "/form").with(as(users, "congdan")))
                .andExpect(status().isForbidden());
        mvc.perform(addField(code, 0, "x", "TEXT", "X").with(as(users, "quantri.stp")))
                .andExpect(status().isForbidden());
        assertThat(hasDraft(code)).isFalse();
        assertThat(versions(code)).isEqualTo(1);
    }

    @Test
    void anInvalidFieldIsRefusedWithVietnameseMessagesAndNothingChanges() throws Exception {
        String code = newProcedure();
        mvc.perform(addField(code, 0, "Bad name", "SELECT", "Loại đất").with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Tên trường bắt đầu bằng một chữ thường"),
                        containsString("cần ít nhất một lựa chọn"), containsString("href=\"#field-name\""),
                        containsString("value=\"Loại đất\""))));
        mvc.perform(addField(code, 0, "phone", "TEXT", "Điện thoại khác").with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Tên trường «phone» đã được dùng ở cùng cấp.")));
        mvc.perform(addField(code, 0, "note", "TEXT", "Ghi chú").param("pattern", "[0-9").with(as(users, "quantri.stp"))
                .with(csrf())).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Mẫu định dạng (biểu thức chính quy) không hợp lệ")));
        mvc.perform(addField(code, 0, "note", "TEXT", "Ghi chú").param("conditionField", "nowhere")
                .param("conditionValues", "x").with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("không có trường «nowhere»")));
        assertThat(hasDraft(code)).isFalse();
        assertThat(versions(code)).isEqualTo(1);
    }

    @Test
    void anAdministratorAddsAWholeNumberWithBoundsAndABirthDateWithAMinimumAgeWithoutCode() throws Exception {
        String code = newProcedure();
        mvc.perform(addField(code, 0, "plots", "INTEGER", "Số thửa đất").param("min", "5").param("max", "1")
                        .with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("Giá trị nhỏ nhất không được lớn hơn giá trị lớn nhất."),
                        containsString("href=\"#field-min\""), containsString("aria-invalid=\"true\""))));
        mvc.perform(addField(code, 0, "plots", "INTEGER", "Số thửa đất").param("min", "1,5")
                        .with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("trường số nguyên phải là số nguyên")));
        mvc.perform(addField(code, 0, "ownerBorn", "DATE", "Ngày sinh chủ hộ").param("minAge", "mười tám")
                        .with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Vui lòng nhập một số nguyên.")));
        assertThat(hasDraft(code)).isFalse();

        mvc.perform(addField(code, 0, "plots", "INTEGER", "Số thửa đất").param("min", "1").param("max", "10")
                .with(as(users, "quantri.stp")).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(addField(code, 1, "ownerBorn", "DATE", "Ngày sinh chủ hộ").param("minAge", "18")
                .with(as(users, "quantri.stp")).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/procedures/" + code + "/form/fields/7").with(as(users, "quantri.stp")))
                .andExpect(content().string(allOf(containsString("data-types=\"NUMBER INTEGER\""), containsString(
                        "id=\"field-min\" inputmode=\"decimal\" size=\"12\" name=\"min\" value=\"1\""))));
        mvc.perform(post("/admin/procedures/" + code + "/form/preview").param("f.plots", "2,5")
                        .param("f.ownerBorn", "01/01/2015").with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("inputmode=\"numeric\""),
                        containsString("Số nguyên từ 1 đến 10"), containsString("không có phần thập phân"),
                        containsString("Người này phải đủ 18 tuổi vào ngày nộp hồ sơ"))));

        byte[] exported = mvc.perform(get("/admin/procedures/" + code + "/form/export").with(as(users, "quantri.stp")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(exported, StandardCharsets.UTF_8)).contains("\"type\" : \"INTEGER\"", "\"minAge\" : 18");
        mvc.perform(post("/admin/procedures/" + code + "/form/publish").param("revision", "2")
                .with(as(users, "quantri.stp")).with(csrf())).andExpect(status().is3xxRedirection());
        FormDefinition published = forms.definitionFor(current(code).versionId());
        FormField plots = published.field("plots").orElseThrow();
        assertThat(plots.type()).isEqualTo(FieldType.INTEGER);
        assertThat(plots.min()).isEqualByComparingTo("1");
        assertThat(plots.max()).isEqualByComparingTo("10");
        assertThat(published.field("ownerBorn").orElseThrow().minAge()).isEqualTo(18);

        // The exported file imports back as the same definition; an integer range upside down does not.
        String other = newProcedure();
        mvc.perform(multipart("/admin/procedures/" + other + "/form/import")
                        .file(new MockMultipartFile("file", "f.json", "application/json", exported))
                        .param("revision", "0").with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/procedures/" + other + "/form/publish").param("revision", "1")
                .with(as(users, "quantri.stp")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(forms.definitionFor(current(other).versionId())).isEqualTo(published);
        String upsideDown = "{\"fields\":[{\"name\":\"n\",\"label\":\"N\",\"type\":\"INTEGER\",\"min\":9,\"max\":2}]}";
        mvc.perform(multipart("/admin/procedures/" + other + "/form/import")
                        .file(new MockMultipartFile("file", "f.json", "application/json",
                                upsideDown.getBytes(StandardCharsets.UTF_8)))
                        .param("revision", "0").with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Giá trị nhỏ nhất không được lớn hơn giá trị lớn nhất.")));
    }

    @Test
    void deletingAFieldAConditionReadsIsRefused() throws Exception {
        String code = newProcedure();
        mvc.perform(addField(code, 0, "hasLawyer", "CHECKBOX", "Có luật sư").with(as(users, "quantri.stp"))
                .with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(addField(code, 1, "lawyerName", "TEXT", "Tên luật sư").param("conditionField", "hasLawyer")
                .param("conditionValues", "true").with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/procedures/" + code + "/form/fields/7/delete").param("revision", "2")
                        .with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Tên luật sư (lawyerName)")));
        assertThat(revision(code)).isEqualTo(2);
        assertThat(forms.definitionFor(current(code).versionId())).isEqualTo(FormDefinition.generic());
    }

    @Test
    void aChangeBasedOnAnOldRevisionIsRefused() throws Exception {
        String code = newProcedure();
        mvc.perform(addField(code, 0, "first", "TEXT", "Thứ nhất").with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        // A second administrator saw the form before the first one's change.
        mvc.perform(addField(code, 0, "second", "TEXT", "Thứ hai").with(as(users, "admin")).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Bản nháp vừa được người khác thay đổi")));
        mvc.perform(post("/admin/procedures/" + code + "/form/fields/0/down").param("revision", "0")
                .with(as(users, "admin")).with(csrf())).andExpect(status().isConflict());
        mvc.perform(post("/admin/procedures/" + code + "/form/publish").param("revision", "0")
                .with(as(users, "admin")).with(csrf())).andExpect(status().isConflict());
        assertThat(revision(code)).isEqualTo(1);
        assertThat(versions(code)).isEqualTo(1);
    }

    @Test
    void movesAndDeletesFieldsInTheDraftAndDiscardsIt() throws Exception {
        String code = newProcedure();
        mvc.perform(post("/admin/procedures/" + code + "/form/fields/1/up").param("revision", "0")
                .with(as(users, "quantri.stp")).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/procedures/" + code + "/form/fields/5/delete").param("revision", "1")
                .with(as(users, "quantri.stp")).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/procedures/" + code + "/form").with(as(users, "quantri.stp")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bản nháp chưa công bố, sửa lần cuối bởi quantri.stp")));
        FormDefinition draft = jdbc.sql("select definition::text from form_draft where procedure_code = ?").param(code)
                .query(String.class).optional().map(text -> tools.jackson.databind.json.JsonMapper.builder().build()
                        .readValue(text, FormDefinition.class)).orElseThrow();
        assertThat(draft.fields()).extracting(FormField::name)
                .containsExactly("contactName", "requestSummary", "citizenId", "phone", "email", "organisation");
        mvc.perform(post("/admin/procedures/" + code + "/form/discard").param("revision", "2")
                .with(as(users, "quantri.stp")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(hasDraft(code)).isFalse();
        assertThat(versions(code)).isEqualTo(1);
    }

    @Test
    void aScriptInALabelIsShownAsText() throws Exception {
        String code = newProcedure();
        mvc.perform(addField(code, 0, "evil", "RADIO", "<script>alert('x')</script>")
                        .param("options", "a|<img src=x onerror=alert(1)>\nb|B").param("help", "<b>đậm</b>")
                        .with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/procedures/" + code + "/form").with(as(users, "quantri.stp")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
                        not(containsString("<script>alert")), not(containsString("<img src=x")),
                        containsString("&lt;img src=x onerror=alert(1)&gt;"), not(containsString("<b>đậm")))));
    }

    @Test
    void thePreviewChecksAnswersAndAddsGroupItemsWithoutScript() throws Exception {
        mvc.perform(post("/admin/procedures/1.000894/form/preview").param("f.phone", "12345")
                        .param("f.bride[0].marriedBefore", "da").with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"eform-summary\""),
                        containsString("href=\"#f-phone\""), containsString("Vui lòng nhập số điện thoại Việt Nam"),
                        containsString("name=\"f.bride[0].previousMarriages[0].spouseName\""),
                        containsString("aria-describedby=\"f-phone-hint f-phone-error\""))));
        mvc.perform(post("/admin/procedures/1.000894/form/preview").param("f.phone", "12345").param("lang", "en")
                        .with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(content().string(allOf(containsString("Enter a Vietnamese phone number"),
                        containsString("Contact phone number"), containsString("(required)"))));
        mvc.perform(post("/admin/procedures/1.000894/form/preview").param("f.bride[0].marriedBefore", "da")
                        .param("f.bride[0].previousMarriages[0].spouseName", "Trần Văn C")
                        .param("_addItem", "bride[0].previousMarriages").with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"Trần Văn C\""),
                        containsString("name=\"f.bride[0].previousMarriages[1].spouseName\""),
                        not(containsString("id=\"eform-summary\"")))));
    }

    @Test
    void theFragmentLabelsEveryInputAndMarksRequiredFields() throws Exception {
        String page = mvc.perform(get("/admin/procedures/1.001193/form").with(as(users, "quantri.stp")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        java.util.regex.Matcher inputs = java.util.regex.Pattern
                .compile("<(?:input|select|textarea)[^>]*\\sid=\"(f-[^\"]+)\"").matcher(page);
        int count = 0;
        while (inputs.find()) {
            count++;
            assertThat(page).as(inputs.group(1)).contains("for=\"" + inputs.group(1) + "\"");
        }
        assertThat(count).isGreaterThan(20);
        assertThat(page).contains("id=\"f-child-0-fullName\"", "aria-required=\"true\"", "(bắt buộc)",
                "role=\"radiogroup\"", "<legend class=\"eform-legend\">", "/js/eform.js",
                "data-eform-when=\"f.child[0].nationality\"");
    }

    @Test
    void exportsTheDefinitionAndImportsItBackIntoTheDraft() throws Exception {
        String code = newProcedure();
        byte[] exported = mvc.perform(get("/admin/procedures/1.001193/form/export").with(as(users, "quantri.stp")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(exported, StandardCharsets.UTF_8)).contains("\"name\" : \"child\"");
        mvc.perform(multipart("/admin/procedures/" + code + "/form/import")
                        .file(new MockMultipartFile("file", "bieu-mau.json", "application/json", exported))
                        .param("revision", "0").with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/procedures/" + code + "/form/publish").param("revision", "1")
                .with(as(users, "quantri.stp")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(forms.definitionFor(current(code).versionId()))
                .isEqualTo(forms.definitionFor(current("1.001193").versionId()));
    }

    @Test
    void refusesAnImportThatIsNotAValidDefinition() throws Exception {
        String code = newProcedure();
        String cycle = "{\"fields\":[{\"name\":\"a\",\"label\":\"A\",\"type\":\"TEXT\",\"visibleWhen\":{\"field\":\"b\","
                + "\"values\":[\"1\"]}},{\"name\":\"b\",\"label\":\"B\",\"type\":\"TEXT\",\"visibleWhen\":{\"field\":\"a\","
                + "\"values\":[\"1\"]}}]}";
        mvc.perform(multipart("/admin/procedures/" + code + "/form/import")
                        .file(new MockMultipartFile("file", "f.json", "application/json", cycle.getBytes(StandardCharsets.UTF_8)))
                        .param("revision", "0").with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("tạo thành vòng lặp: a → b → a")));
        mvc.perform(multipart("/admin/procedures/" + code + "/form/import")
                        .file(new MockMultipartFile("file", "f.json", "application/json",
                                "{\"fields\":[{\"name\":\"a\",\"colour\":\"red\"}]}".getBytes(StandardCharsets.UTF_8)))
                        .param("revision", "0").with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Tệp không đúng cấu trúc định nghĩa biểu mẫu (dòng 1)")));
        assertThat(hasDraft(code)).isFalse();
    }

    @Test
    void theDemoProceduresHaveTheirOwnFormsAndTheOthersTheGenericOne() {
        FormDefinition birth = forms.definitionFor(current("1.001193").versionId());
        assertThat(birth.fields()).extracting(FormField::name).contains("child", "father", "mother", "declarant");
        assertThat(birth.field("declarant.relationship")).isPresent();
        FormDefinition marriage = forms.definitionFor(current("1.000894").versionId());
        assertThat(marriage.field("bride.previousMarriages.spouseName")).isPresent();
        assertThat(forms.definitionFor(current("1.000016").versionId())).isEqualTo(FormDefinition.generic());
    }

    @Test
    void theProcedureEditPageLinksToTheFormEditor() throws Exception {
        mvc.perform(get("/admin/procedures/1.001193/edit").with(as(users, "quantri.stp")))
                .andExpect(content().string(containsString("href=\"/admin/procedures/1.001193/form\"")));
    }
}
