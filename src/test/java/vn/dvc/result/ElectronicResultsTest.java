package vn.dvc.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import vn.dvc.DemoAccounts;
import vn.dvc.IntegrationTest;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.document.Documents;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierSubmission;
import vn.dvc.result.ResultVerification.Verdict;

@IntegrationTest
@RecordApplicationEvents
class ElectronicResultsTest {

    @Autowired ApplicationEvents events;
    @org.springframework.beans.factory.annotation.Value("${app.public-url}") String publicUrl;
    @Autowired ElectronicResults results;
    @Autowired ResultVerification verification;
    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired Documents documents;
    @Autowired DossierSubmission submission;

    private ResultFixtures fixtures() {
        return new ResultFixtures(jdbc, catalogue, documents, submission);
    }

    private byte[] bytes(ElectronicResult result) throws IOException {
        try (InputStream in = results.open(result)) {
            return in.readAllBytes();
        }
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String client() {
        return "10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
    }

    @Test
    void aGeneratedResultIsSignedOverTheWholeFileAndShowsItsCodeAndAgency() throws Exception {
        Dossier dossier = fixtures().dossier(ResultFixtures.unique("ket-qua"));

        ElectronicResult result = results.issue(dossier.code(), Optional.empty(), "lanhdao.stp");

        assertThat(result.resultCode()).isEqualTo(dossier.code() + "-KQ1");
        assertThat(result.agencyName()).isEqualTo(ResultFixtures.JUSTICE_NAME);
        assertThat(result.generated()).isTrue();
        assertThat(result.signerName()).isEqualTo(ResultFixtures.JUSTICE_NAME + " (DEMO)");
        assertThat(events.stream(ElectronicResultIssued.class)).singleElement().satisfies(e -> {
            assertThat(e.resultCode()).isEqualTo(result.resultCode());
            assertThat(e.documentId()).isEqualTo(result.documentId());
            assertThat(e.issuedBy()).isEqualTo("lanhdao.stp");
        });
        byte[] pdf = bytes(result);
        assertThat(SignedPdfInspection.sha256(pdf)).isEqualTo(result.sha256());

        String pdfsig = ResultFixtures.run("pdfsig", pdf);
        assertThat(pdfsig).contains("Signature #1:")
                .contains("Signature Validation: Signature is Valid.")
                .contains("Total document signed")
                .contains("ETSI.CAdES.detached")
                .doesNotContain("Signature #2:");
        Matcher signer = Pattern.compile("Signer Certificate Common Name: (.+)").matcher(pdfsig);
        assertThat(signer.find()).isTrue();
        assertThat(signer.group(1).strip()).isEqualTo(ResultFixtures.JUSTICE_NAME + " (DEMO)");

        String text = ResultFixtures.run("pdftotext", pdf, "-enc", "UTF-8");
        assertThat(text).contains(result.resultCode()).contains(ResultFixtures.JUSTICE_NAME)
                .contains(dossier.procedureName()).contains("Cấp phiếu lý lịch tư pháp số 1").contains("Ký bởi:");
    }

    @Test
    void theSignatureIsPadesBaselineBWithTheSigningCertificateAttributeAndNoSigningTime() throws Exception {
        Dossier dossier = fixtures().dossier(ResultFixtures.unique("pades"));
        byte[] pdf = bytes(results.issue(dossier.code(), Optional.empty(), "lanhdao.stp"));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = document.getLastSignatureDictionary();
            assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            try (ASN1InputStream asn1 = new ASN1InputStream(signature.getContents())) {
                CMSSignedData cms = new CMSSignedData(ContentInfo.getInstance(asn1.readObject()));
                SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
                assertThat(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2))
                        .isNotNull();
                assertThat(signer.getSignedAttributes().get(CMSAttributes.signingTime)).isNull();
                assertThat(cms.isDetachedSignature()).isTrue();
                assertThat(cms.getCertificates().getMatches(null)).hasSize(2); // the agency's and the demo root
            }
        }
    }

    @Test
    void theQrCodeLeadsToTheVerificationPageOfTheResult() throws Exception {
        Dossier dossier = fixtures().dossier(ResultFixtures.unique("qr"));
        ElectronicResult result = results.issue(dossier.code(), Optional.empty(), "lanhdao.stp");

        try (PDDocument document = Loader.loadPDF(bytes(result))) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(document.getNumberOfPages() - 1, 200);
            BufferedImage foot = page.getSubimage(0, page.getHeight() * 3 / 4, page.getWidth(), page.getHeight() / 4);
            int[] pixels = foot.getRGB(0, 0, foot.getWidth(), foot.getHeight(), null, 0, foot.getWidth());
            String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(foot.getWidth(), foot.getHeight(), pixels))),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
            assertThat(decoded).isEqualTo(publicUrl + "/verify/" + result.resultCode());
        }
    }

    @Test
    void anUploadedPdfIsStampedAndSignedAsTheResult() throws Exception {
        ResultFixtures fixtures = fixtures();
        Dossier dossier = fixtures.dossier(ResultFixtures.unique("tai-len"));
        var uploaded = fixtures.store("quyet-dinh.pdf", ResultFixtures.demoPdf());

        ElectronicResult result = results.issue(dossier.code(), Optional.of(uploaded), "lanhdao.stp");

        assertThat(result.generated()).isFalse();
        byte[] pdf = bytes(result);
        assertThat(ResultFixtures.run("pdfsig", pdf)).contains("Signature Validation: Signature is Valid.")
                .contains("Total document signed");
        String text = ResultFixtures.run("pdftotext", pdf, "-enc", "UTF-8");
        assertThat(text).contains(result.resultCode()).contains(ResultFixtures.JUSTICE_NAME);
        assertThat(text).doesNotContain("Cấp phiếu lý lịch tư pháp số 1"); // not the template
    }

    @Test
    void resultsAreNumberedPerDossierEvenWhenIssuedAtOnce() throws Exception {
        Dossier first = fixtures().dossier(ResultFixtures.unique("so-thu-tu"));
        Dossier second = fixtures().dossier(ResultFixtures.unique("so-thu-tu"));
        assertThat(results.issue(first.code(), Optional.empty(), "lanhdao.stp").resultCode())
                .isEqualTo(first.code() + "-KQ1");
        assertThat(results.issue(first.code(), Optional.empty(), "lanhdao.stp").resultCode())
                .isEqualTo(first.code() + "-KQ2");
        assertThat(results.issue(second.code(), Optional.empty(), "lanhdao.stp").resultCode())
                .isEqualTo(second.code() + "-KQ1");

        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<String>> codes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                codes.add(pool.submit(() -> results.issue(first.code(), Optional.empty(), "lanhdao.stp").resultCode()));
            }
            Set<String> issued = new TreeSet<>();
            for (Future<String> code : codes) {
                issued.add(code.get());
            }
            assertThat(issued).containsExactly(first.code() + "-KQ3", first.code() + "-KQ4", first.code() + "-KQ5");
        } finally {
            pool.shutdownNow();
        }
        assertThat(results.ofDossier(first.code())).extracting(ElectronicResult::number).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void verificationTellsGenuineFromModifiedAndUnknown() throws Exception {
        Dossier dossier = fixtures().dossier(ResultFixtures.unique("xac-thuc"));
        ElectronicResult result = results.issue(dossier.code(), Optional.empty(), "lanhdao.stp");
        byte[] pdf = bytes(result);

        assertThat(verification.verify(pdf).verdict()).isEqualTo(Verdict.GENUINE);
        assertThat(verification.verify(pdf).result().resultCode()).isEqualTo(result.resultCode());

        // One byte changed inside the signed content (in the first stream's data).
        byte[] changed = pdf.clone();
        int stream = indexOf(pdf, "stream".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0);
        changed[stream + 20] ^= 0x01;
        ResultVerification.Outcome changedOutcome = verification.verify(changed);
        assertThat(changedOutcome.verdict()).isEqualTo(Verdict.MODIFIED);
        assertThat(changedOutcome.report().signatures()).singleElement()
                .satisfies(s -> assertThat(s.digestMatches()).isFalse());
        assertThat(ResultFixtures.run("pdfsig", changed)).doesNotContain("Signature is Valid.");

        // An incremental update appended after the signature: the signature still verifies, but no longer
        // covers the whole file.
        byte[] appended;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            document.getDocumentInformation().setTitle("Đã sửa sau khi ký");
            document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            appended = out.toByteArray();
        }
        assertThat(appended.length).isGreaterThan(pdf.length);
        ResultVerification.Outcome appendedOutcome = verification.verify(appended);
        assertThat(appendedOutcome.verdict()).isEqualTo(Verdict.MODIFIED);
        assertThat(appendedOutcome.result().resultCode()).isEqualTo(result.resultCode());
        assertThat(appendedOutcome.report().signatures()).singleElement().satisfies(s -> {
            assertThat(s.digestMatches()).isTrue();
            assertThat(s.coversWholeDocument()).isFalse();
        });
        assertThat(ResultFixtures.run("pdfsig", appended)).doesNotContain("Total document signed");

        // Raw bytes appended without any structure.
        byte[] tail = java.util.Arrays.copyOf(pdf, pdf.length + 12);
        System.arraycopy("% appended\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, tail, pdf.length, 11);
        assertThat(verification.verify(tail).verdict()).isEqualTo(Verdict.MODIFIED);

        assertThat(verification.verify(ResultFixtures.demoPdf()).verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(verification.verify(ResultFixtures.demoPdf()).notPdf()).isFalse();
        assertThat(verification.verify("không phải PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8)).notPdf())
                .isTrue();
        // Our result with its header damaged is still recognised as ours, modified, not "not a PDF".
        byte[] header = pdf.clone();
        header[1] = 'X';
        assertThat(verification.verify(header).verdict()).isEqualTo(Verdict.MODIFIED);
        assertThat(verification.verify(header).notPdf()).isFalse();
    }

    @Test
    void theVerificationPageAndApiAnswerTheQrCodeAndUploads() throws Exception {
        Dossier dossier = fixtures().dossier(ResultFixtures.unique("trang-xac-thuc"));
        ElectronicResult result = results.issue(dossier.code(), Optional.empty(), "lanhdao.stp");
        byte[] pdf = bytes(result);
        String client = client();

        String page = mvc.perform(get("/verify/" + result.resultCode()).with(from(client)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"verify-genuine-code\"").contains(ResultFixtures.JUSTICE_NAME)
                .contains(result.resultCode()).doesNotContain("Lê Thị Kết Quả").doesNotContain("0912345678");
        mvc.perform(get("/verify/" + dossier.code() + "-KQ9").with(from(client)))
                .andExpect(status().isNotFound());
        // A code typed from a paper copy leads to the same check; anything else stays on the form.
        mvc.perform(get("/verify").param("code", " " + result.resultCode().toLowerCase() + " ").with(from(client)))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/verify/" + result.resultCode()));
        mvc.perform(get("/verify").param("code", "<script>/x").with(from(client))).andExpect(status().isOk());

        String json = mvc.perform(get("/api/v1/verify/" + result.resultCode()).with(from(client)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("GENUINE"))
                .andExpect(jsonPath("$.result.agencyName").value(ResultFixtures.JUSTICE_NAME))
                .andExpect(jsonPath("$.result.sha256").value(result.sha256()))
                .andReturn().getResponse().getContentAsString();
        assertThat(json).doesNotContain("Lê Thị Kết Quả").doesNotContain("lanhdao");
        mvc.perform(get("/api/v1/verify/" + dossier.code() + "-KQ7").with(from(client)))
                .andExpect(jsonPath("$.verdict").value("UNKNOWN"));

        // Anonymous upload through the API (no session, no CSRF token) and through the page's form.
        mvc.perform(multipart("/api/v1/verify").file(new MockMultipartFile("file", "kq.pdf", "application/pdf", pdf))
                        .with(from(client)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("GENUINE"))
                .andExpect(jsonPath("$.result.resultCode").value(result.resultCode()))
                .andExpect(jsonPath("$.signatures[0].coversWholeDocument").value(true))
                .andExpect(jsonPath("$.signatures[0].chain").value("TRUSTED"));
        byte[] changed = pdf.clone();
        changed[pdf.length / 3] ^= 0x20;
        mvc.perform(multipart("/api/v1/verify").file(new MockMultipartFile("file", "kq.pdf", "application/pdf",
                        changed)).with(from(client)))
                .andExpect(jsonPath("$.verdict").value("MODIFIED"));
        String form = mvc.perform(multipart("/verify").file(new MockMultipartFile("file", "kq.pdf", "application/pdf",
                        ResultFixtures.demoPdf())).with(from(client))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("id=\"verify-UNKNOWN\"");
    }

    @Test
    void aFileThatIsNotAPdfIsSaidToBeNotAPdfNotUnknownAndIsNotStored() throws Exception {
        String client = client();
        long documentsBefore = jdbc.sql("select count(*) from document").query(Long.class).single();
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        mvc.perform(multipart("/api/v1/verify").file(new MockMultipartFile("file", "anh.pdf", "application/pdf", png))
                        .with(from(client)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-input"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
                        "không phải là tệp PDF")));
        String form = mvc.perform(multipart("/verify").file(new MockMultipartFile("file", "ghi-chu.txt", "text/plain",
                        "Không phải PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8))).with(from(client))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("id=\"verify-not-pdf\"", "không phải là tệp PDF").doesNotContain("verify-UNKNOWN");
        assertThat(jdbc.sql("select count(*) from document").query(Long.class).single()).isEqualTo(documentsBefore);
    }

    @Test
    void thePublicVerificationIsRateLimitedPerClient() throws Exception {
        String client = client();
        for (int i = 0; i < 30; i++) {
            mvc.perform(get("/api/v1/verify/000.00.03.H21-200101-0001-KQ1").with(from(client)))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/verify/000.00.03.H21-200101-0001-KQ1").with(from(client)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.code").value("too-many-requests"));
        mvc.perform(get("/verify/000.00.03.H21-200101-0001-KQ1").with(from(client)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        mvc.perform(get("/api/v1/verify/000.00.03.H21-200101-0001-KQ1").with(from(client())))
                .andExpect(status().isOk());
    }

    @Test
    void onlyTheOwnerAndTheAgencysOfficersReachTheResults() throws Exception {
        String owner = ResultFixtures.unique("chu-ket-qua");
        Dossier dossier = fixtures().dossier(owner);
        ElectronicResult result = results.issue(dossier.code(), Optional.empty(), "lanhdao.stp");
        String list = "/api/v1/dossiers/" + dossier.code() + "/results";
        String file = list + "/" + result.resultCode() + ".pdf";
        String other = ResultFixtures.unique("nguoi-khac");
        fixtures().applicant(other);

        mvc.perform(get(list).with(DemoAccounts.as(users, owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].resultCode").value(result.resultCode()))
                .andExpect(jsonPath("$[0].sha256").value(result.sha256()));
        var started = mvc.perform(get(file).with(DemoAccounts.as(users, owner)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(request().asyncStarted()).andReturn();
        byte[] downloaded = mvc.perform(asyncDispatch(started)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(SignedPdfInspection.sha256(downloaded)).isEqualTo(result.sha256());
        mvc.perform(get("/dossiers/" + dossier.code() + "/results/" + result.resultCode() + ".pdf")
                        .with(DemoAccounts.as(users, owner)))
                .andExpect(status().isOk());
        mvc.perform(get(file).with(DemoAccounts.as(users, "lanhdao.stp"))).andExpect(status().isOk());
        mvc.perform(get(list).with(DemoAccounts.as(users, "tiepnhan.stp"))).andExpect(status().isOk());

        for (String stranger : List.of(other, "tiepnhan.pleiku", "lanhdao.pleiku")) {
            mvc.perform(get(list).with(DemoAccounts.as(users, stranger))).andExpect(status().isNotFound());
            mvc.perform(get(file).with(DemoAccounts.as(users, stranger))).andExpect(status().isNotFound());
        }
        // A result code of another dossier under this dossier's address is not found either.
        Dossier another = fixtures().dossier(ResultFixtures.unique("ho-so-khac"));
        ElectronicResult foreign = results.issue(another.code(), Optional.empty(), "lanhdao.stp");
        mvc.perform(get(list + "/" + foreign.resultCode() + ".pdf").with(DemoAccounts.as(users, owner)))
                .andExpect(status().isNotFound());
        mvc.perform(get(list)).andExpect(status().isUnauthorized());

        String detail = mvc.perform(get("/dossiers/" + dossier.code()).with(DemoAccounts.as(users, owner)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("id=\"results\"").contains(result.resultCode() + ".pdf");
    }

    @Test
    void theOfficerSeesTheSignatureOfASignedUpload() throws Exception {
        SigningKey key = SignedPdfInspectionTest.expiredKey();
        byte[] signed = PdfSigner.sign(ResultFixtures.demoPdf(), key, new PdfSigner.Details("Nguyễn Văn Ký", "Đồng ý",
                "Pleiku", null, java.time.Instant.now().minus(java.time.Duration.ofDays(500))));
        String owner = ResultFixtures.unique("tep-ky-so");
        Dossier dossier = fixtures().dossier(owner, signed);

        String page = mvc.perform(get("/reception/dossiers/" + dossier.code()).with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Nguyễn Văn Ký").contains("Chứng thư đã hết hạn")
                .contains("Chữ ký hợp lệ, bao toàn bộ tệp").contains("Không dẫn đến chứng thư gốc mà hệ thống biết");

        mvc.perform(get("/api/v1/dossiers/" + dossier.code() + "/signatures").with(DemoAccounts.as(users, "tiepnhan.stp")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].componentName").value("Tờ khai yêu cầu"))
                .andExpect(jsonPath("$[0].signatures[0].signerName").value("Nguyễn Văn Ký"))
                .andExpect(jsonPath("$[0].signatures[0].certificateExpired").value(true))
                .andExpect(jsonPath("$[0].signatures[0].coversWholeDocument").value(true))
                .andExpect(jsonPath("$[0].signatures[0].digestMatches").value(true))
                .andExpect(jsonPath("$[0].signatures[0].chain").value("UNKNOWN_ROOT"));
        mvc.perform(get("/api/v1/dossiers/" + dossier.code() + "/signatures").with(DemoAccounts.as(users, owner)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/dossiers/" + dossier.code() + "/signatures")
                        .with(DemoAccounts.as(users, "tiepnhan.pleiku")))
                .andExpect(status().isNotFound());
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
