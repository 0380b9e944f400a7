package vn.dvc.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.dvc.DemoAccounts.as;

import java.io.ByteArrayInputStream;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.dvc.IntegrationTest;

@IntegrationTest
class DocumentPreviewTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Documents documents;

    @Test
    void previewsAPdfInlineInASandboxThroughTheWholeFilterChain() throws Exception {
        byte[] pdf = Samples.pdf();
        StoredDocument stored = documents.store("file", "Giấy phép xây dựng.pdf", new ByteArrayInputStream(pdf),
                UploadRules.defaults());
        MvcResult started = mvc.perform(get("/test-only/documents/" + stored.id() + "/preview")
                        .with(as(users, "congdan")))
                .andExpect(request().asyncStarted()).andReturn();
        mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", "inline; filename=\"Giay phep xay dung.pdf\"; "
                        + "filename*=UTF-8''Gi%E1%BA%A5y%20ph%C3%A9p%20x%C3%A2y%20d%E1%BB%B1ng.pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().stringValues("Content-Security-Policy", "sandbox"))
                .andExpect(header().string("Cache-Control", "private, no-store"))
                .andExpect(content().bytes(pdf));
    }

    @Test
    void sendsAWordDocumentAsADownloadEvenWhenAskedForAPreview() throws Exception {
        StoredDocument stored = documents.store("file", "Tờ khai.docx", new ByteArrayInputStream(Samples.docx()),
                UploadRules.defaults());
        MvcResult started = mvc.perform(get("/test-only/documents/" + stored.id() + "/preview")
                .with(as(users, "congdan"))).andReturn();
        String disposition = mvc.perform(asyncDispatch(started)).andExpect(status().isOk())
                .andReturn().getResponse().getHeader("Content-Disposition");
        assertThat(disposition).startsWith("attachment; filename=\"To khai.docx\"");
    }

    @Test
    void answersNotFoundForAnUnknownDocument() throws Exception {
        mvc.perform(get("/test-only/documents/" + UUID.randomUUID() + "/download").with(as(users, "congdan")))
                .andExpect(status().isNotFound());
    }
}
