package vn.dvc.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvc.DemoAccounts.as;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.dvc.IntegrationTest;

@IntegrationTest
class CatalogueAdministrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Procedures procedures;

    static MockHttpServletRequestBuilder newProcedure(String code, String name) {
        return newProcedure(code, name, "Tờ khai | 1 | 0\nBản sao giấy tờ | 0 | 1 | không bắt buộc");
    }

    static MockHttpServletRequestBuilder newProcedure(String code, String name, String components) {
        return post("/admin/procedures/new")
                .param("code", code).param("name", name).param("field", "Hộ tịch")
                .param("leadAgencyCode", "000.00.03.H21").param("implementations", "PROVINCIAL:000.00.03.H21")
                .param("serviceLevel", "3").param("onlineMode", "PARTIAL")
                .param("channels[0].channel", "DIRECT").param("channels[0].offered", "true")
                .param("channels[0].time", "5").param("channels[0].unit", "WORKING_DAYS").param("channels[0].fee", "0")
                .param("channels[1].channel", "ONLINE").param("channels[1].offered", "true")
                .param("channels[1].time", "5").param("channels[1].unit", "WORKING_DAYS").param("channels[1].fee", "0")
                .param("components", components);
    }

    long versions(String code) {
        return jdbc.sql("select count(*) from procedure_version v join procedure p on p.id = v.procedure_id where p.code = ?")
                .param(code).query(Long.class).single();
    }

    @Test
    void sendsAnonymousVisitorsToTheLoginPage() throws Exception {
        mvc.perform(get("/admin/procedures")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void refusesApplicantsAndOfficersWithoutAnAdministrationRole() throws Exception {
        mvc.perform(get("/admin/procedures").with(as(users, "congdan"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/procedures").with(as(users, "tiepnhan.stp"))).andExpect(status().isForbidden());
        mvc.perform(newProcedure("1.990001", "X").with(as(users, "chuyenvien.stp")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(versions("1.990001")).isZero();
    }

    @Test
    void refusesStateChangesWithoutCsrfToken() throws Exception {
        mvc.perform(newProcedure("1.990002", "Thủ tục thử").with(as(users, "quantri.stp")))
                .andExpect(status().isForbidden());
        assertThat(versions("1.990002")).isZero();
    }

    @Test
    void agencyAdministratorAddsAndRevisesOwnProcedureKeepingEveryVersion() throws Exception {
        mvc.perform(newProcedure("1.990003", "Thủ tục thử nghiệm quản trị").with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(redirectedUrl("/procedures/1.990003"));
        Procedure first = procedures.find("1.990003").orElseThrow();
        assertThat(first.versionNo()).isEqualTo(1);
        assertThat(first.content().components().get(0).components()).hasSize(2);

        mvc.perform(newProcedure("1.990003", "Thủ tục thử nghiệm quản trị (sửa đổi)")
                        .with(request -> { request.setRequestURI("/admin/procedures/1.990003/edit"); return request; })
                        .param("basedOnVersion", "1").param("changeNote", "Sửa tên")
                        .with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(redirectedUrl("/procedures/1.990003"));
        Procedure second = procedures.find("1.990003").orElseThrow();
        assertThat(second.versionNo()).isEqualTo(2);
        assertThat(second.name()).endsWith("(sửa đổi)");
        assertThat(procedures.findVersion(first.versionId()).orElseThrow().name()).isEqualTo("Thủ tục thử nghiệm quản trị");
        assertThat(procedures.findVersion(first.versionId()).orElseThrow().current()).isFalse();
    }

    @Test
    void aComponentMayLimitTheFileTypesAndSizeAcceptedOnline() throws Exception {
        mvc.perform(newProcedure("1.990031", "Thủ tục thử nghiệm loại tệp",
                        "Bản vẽ thiết kế | 1 | 0 | | pdf, JPEG | 5 MB\nẢnh chân dung | 1 | 0").with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(redirectedUrl("/procedures/1.990031"));
        DossierComponent drawing = procedures.find("1.990031").orElseThrow().content().components().get(0)
                .components().get(0);
        assertThat(drawing.fileTypes()).containsExactly("PDF", "JPEG");
        assertThat(drawing.maxMegabytes()).isEqualTo(5);
        mvc.perform(get("/admin/procedures/1.990031/edit").with(as(users, "quantri.stp")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Bản vẽ thiết kế | 1 | 0 |  | PDF, JPEG | 5 MB")));

        mvc.perform(newProcedure("1.990032", "Thủ tục thử nghiệm loại tệp sai", "Bản vẽ | 1 | 0 | | EXE | 50 MB")
                        .with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Loại tệp &quot;EXE&quot;")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("từ 1 đến 20 MB")));
        assertThat(procedures.find("1.990032")).isEmpty();
    }

    @Test
    void refusesAnEditBasedOnAStaleVersion() throws Exception {
        mvc.perform(newProcedure("1.990004", "Thủ tục sửa đồng thời").with(as(users, "admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        for (int attempt = 0; attempt < 2; attempt++) {
            mvc.perform(newProcedure("1.990004", "Lần sửa " + attempt)
                    .with(request -> { request.setRequestURI("/admin/procedures/1.990004/edit"); return request; })
                    .param("basedOnVersion", "1").with(as(users, "admin")).with(csrf()));
        }
        assertThat(versions("1.990004")).isEqualTo(2);
        assertThat(procedures.find("1.990004").orElseThrow().name()).isEqualTo("Lần sửa 0");
    }

    @Test
    void agencyAdministratorCannotTouchAnotherAgencysProcedure() throws Exception {
        long before = versions("1.001193");
        mvc.perform(get("/admin/procedures/1.001193/edit").with(as(users, "quantri.pleiku")))
                .andExpect(status().isNotFound());
        mvc.perform(newProcedure("1.001193", "Đổi tên trái phép")
                        .with(request -> { request.setRequestURI("/admin/procedures/1.001193/edit"); return request; })
                        .param("basedOnVersion", "2").with(as(users, "quantri.pleiku")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(newProcedure("1.990005", "Thủ tục của sở khác").with(as(users, "quantri.pleiku")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(versions("1.001193")).isEqualTo(before);
        assertThat(versions("1.990005")).isZero();
    }

    @Test
    void keepsTheFormAndExplainsInVietnameseWhenInputIsInvalid() throws Exception {
        mvc.perform(newProcedure("12345", "Thủ tục sai mã").with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Mã thủ tục: Mã thủ tục phải có dạng d.dddddd")))
                .andExpect(content().string(containsString("value=\"12345\"")));
        assertThat(versions("12345")).isZero();
    }

    @Test
    void showsAProcedureNameWithMarkupAsText() throws Exception {
        mvc.perform(newProcedure("1.990006", "<script>alert(1)</script> Thủ tục").with(as(users, "admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/procedures/1.990006"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt; Thủ tục")))
                .andExpect(content().string(not(containsString("<script>alert(1)</script>"))));
        mvc.perform(get("/procedures").param("q", "1.990006"))
                .andExpect(content().string(not(containsString("<script>alert(1)</script>"))));
    }

    @Test
    void attachesAnUploadedFormAsANewVersionAndRefusesDisguisedFiles() throws Exception {
        mvc.perform(newProcedure("1.990007", "Thủ tục có mẫu đơn").with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/admin/procedures/1.990007/templates")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "../../to-khai.pdf",
                                "application/pdf", pdf))
                        .param("component", "Tờ khai").with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(redirectedUrl("/admin/procedures/1.990007/edit"));
        Procedure withForm = procedures.find("1.990007").orElseThrow();
        assertThat(withForm.versionNo()).isEqualTo(2);
        Long templateId = withForm.content().components().get(0).components().get(0).templateId();
        mvc.perform(get("/forms/" + templateId))
                .andExpect(status().isOk())
                .andExpect(content().bytes(pdf))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Disposition", containsString("to-khai.pdf")));

        byte[] executable = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/admin/procedures/1.990007/templates")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "to-khai.pdf",
                                "application/pdf", executable))
                        .param("component", "Tờ khai").with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Chỉ nhận tệp PDF")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/admin/procedures/1.990007/templates")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "to-khai.pdf",
                                "application/pdf", new byte[0]))
                        .param("component", "Tờ khai").with(as(users, "quantri.stp")).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/admin/procedures/1.990007/templates")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "x.pdf", "application/pdf", pdf))
                        .param("component", "Tờ khai").with(as(users, "quantri.pleiku")).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(versions("1.990007")).isEqualTo(2);
    }
}
