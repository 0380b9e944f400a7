package vn.dvc.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.json.JsonMapper;
import vn.dvc.DemoAccounts;
import vn.dvc.IntegrationTest;
import vn.dvc.catalogue.Channel;
import vn.dvc.catalogue.Fee;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.document.Documents;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierSubmission;
import vn.dvc.organisation.AgencyLevel;
import vn.dvc.shared.VietnamTime;

/** The fee of a dossier from its procedure version and channel, or chosen from a schedule by the e-form. */
@IntegrationTest
class PaymentFeesTest {

    static final String JUSTICE = "000.00.03.H21";
    static final String BASIS = "Thông tư 85/2019/TT-BTC hướng dẫn về phí và lệ phí";

    @Autowired MockMvc mvc;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired ProcedureCatalogue catalogue;
    @Autowired Documents documents;
    @Autowired DossierSubmission submission;
    @Autowired DossierFees fees;
    @Autowired Payments payments;
    @Autowired JsonMapper json;
    @Autowired PaymentRequests requests;
    @Autowired java.time.Clock clock;

    PaymentFixtures fixtures;
    String owner;
    long ownerId;

    @BeforeEach
    void setUp() {
        fixtures = new PaymentFixtures(jdbc, catalogue, documents, submission);
        owner = "phi-" + UUID.randomUUID().toString().substring(0, 8);
        ownerId = fixtures.applicant(owner);
    }

    Dossier dossier(List<Fee> direct, List<Fee> online, List<String> choices, String chosen) {
        return fixtures.dossier(ownerId, owner, JUSTICE, AgencyLevel.PROVINCIAL, direct, online, BASIS, choices, chosen);
    }

    static Dossier asChannel(Dossier d, Channel channel) {
        return new Dossier(d.id(), d.code(), d.procedureVersionId(), d.procedureCode(), d.procedureName(),
                d.agencyCode(), d.applicantId(), d.representation(), channel, d.status(), d.caseIndex(), d.formJson(),
                d.submittedAt(), d.receivedAt(), d.dueAt(), d.finishedAt(), d.returnedAt(), d.rowVersion());
    }

    Map<String, String> orderOf(String url) {
        return VnpayPaymentTest.parse(URI.create(url).getRawQuery());
    }

    @Test
    void theFeeIsEveryFeeOfTheDossiersChannelAndIsWhatTheGatewayIsAskedFor() throws Exception {
        Dossier d = dossier(List.of(new Fee(30_000, "Lệ phí nộp trực tiếp")),
                List.of(new Fee(20_000, "Lệ phí cấp giấy"), new Fee(5_000, "Phí thẩm định")), List.of(), null);
        assertThat(d.channel()).isEqualTo(Channel.ONLINE);
        DossierFees.Assessment online = fees.of(d);
        assertThat(online.items()).containsExactly(new DossierFees.FeeItem("Lệ phí cấp giấy", 20_000),
                new DossierFees.FeeItem("Phí thẩm định", 5_000));
        assertThat(online.totalVnd()).isEqualTo(25_000);
        assertThat(online.schedule()).isFalse();
        assertThat(online.legalBasis()).isEqualTo(BASIS);
        // The same dossier received at the counter owes the DIRECT channel's fee.
        assertThat(fees.of(asChannel(d, Channel.DIRECT)).totalVnd()).isEqualTo(30_000);

        MvcResult started = mvc.perform(post("/api/v1/dossiers/" + d.code() + "/payments")
                        .with(DemoAccounts.as(users, owner)).with(csrf()))
                .andExpect(status().isCreated()).andReturn();
        String url = json.readTree(started.getResponse().getContentAsString()).get("redirectUrl").asString();
        Map<String, String> order = orderOf(url);
        assertThat(order).containsEntry("vnp_Amount", "2500000");
        Payment payment = payments.findByOrderRef(order.get("vnp_TxnRef")).orElseThrow();
        assertThat(payment.kind()).isEqualTo("FEE");
        assertThat(payments.items(payment.id())).extracting(DossierFees.FeeItem::amountVnd).containsExactly(20_000L, 5_000L);
    }

    @Test
    void aScheduleChoiceInTheEFormSelectsOneFee() throws Exception {
        List<Fee> schedule = List.of(new Fee(100_000, "Cấp lần đầu"), new Fee(50_000, "Cấp lại"));
        Dossier second = dossier(List.of(), schedule, List.of("1", "2"), "2");
        assertThat(second.formJson()).contains("\"feeItem\": \"2\"");
        DossierFees.Assessment chosen = fees.of(second);
        assertThat(chosen.schedule()).isTrue();
        assertThat(chosen.items()).containsExactly(new DossierFees.FeeItem("Cấp lại", 50_000));

        Dossier first = dossier(List.of(), schedule, List.of("1", "2"), "1");
        assertThat(fees.of(first).totalVnd()).isEqualTo(100_000);

        // A choice names a fee by number or by description (without case and diacritics); else nothing.
        assertThat(DossierFees.chosen(schedule, "cap lai")).contains(schedule.get(1));
        assertThat(DossierFees.chosen(schedule, " 1 ")).contains(schedule.get(0));
        assertThat(DossierFees.chosen(schedule, "3")).isEmpty();
        assertThat(DossierFees.chosen(schedule, "Cấp đổi")).isEmpty();
        Dossier unknown = dossier(List.of(), schedule, List.of("1", "2", "7"), "7");
        assertThat(fees.of(unknown).undetermined()).isTrue();
        assertThat(fees.of(unknown).items()).isEmpty();
        mvc.perform(post("/api/v1/dossiers/" + unknown.code() + "/payments").with(DemoAccounts.as(users, owner))
                .with(csrf())).andExpect(status().isConflict());

        String url = json.readTree(mvc.perform(post("/api/v1/dossiers/" + second.code() + "/payments")
                        .with(DemoAccounts.as(users, owner)).with(csrf()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("redirectUrl").asString();
        assertThat(orderOf(url)).containsEntry("vnp_Amount", "5000000");
    }

    @Test
    void theDossierPageShowsWhatToPayWhyUntilWhenAndTheButton() throws Exception {
        Dossier d = dossier(List.of(), List.of(new Fee(75_000, "Lệ phí cấp bản sao")), List.of(), null);
        String deadline = DateTimeFormatter.ofPattern("dd/MM/yyyy").format(
                d.submittedAt().atZone(VietnamTime.ZONE).toLocalDate().plusDays(3)) + " 23:59";
        mvc.perform(get("/dossiers/" + d.code()).with(DemoAccounts.as(users, owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"payment-panel\"")))
                .andExpect(content().string(containsString("Lệ phí cấp bản sao")))
                .andExpect(content().string(containsString("75.000 đồng")))
                .andExpect(content().string(containsString(BASIS)))
                .andExpect(content().string(containsString(deadline)))
                .andExpect(content().string(containsString("Thanh toán trực tuyến")))
                .andExpect(content().string(containsString("action=\"/payments/dossiers/" + d.code() + "/pay\"")));
        // The button sends the browser to the gateway (the sandbox here) with the fee.
        MvcResult redirect = mvc.perform(post("/payments/dossiers/" + d.code() + "/pay")
                        .with(DemoAccounts.as(users, owner)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = redirect.getResponse().getRedirectedUrl();
        assertThat(location).contains("/sandbox/vnpay/pay?");
        assertThat(orderOf(location)).containsEntry("vnp_Amount", "7500000");
        // The API tells the same.
        mvc.perform(get("/api/v1/dossiers/" + d.code() + "/payments").with(DemoAccounts.as(users, owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.feeTotalVnd").value(75_000))
                .andExpect(jsonPath("$.feeState").value("due"))
                .andExpect(jsonPath("$.legalBasis").value(BASIS))
                .andExpect(jsonPath("$.canPay").value(true))
                .andExpect(jsonPath("$.payments[0].status").value("PENDING"));
        // Someone else's dossier: 404.
        String other = "khac-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.applicant(other);
        mvc.perform(get("/api/v1/dossiers/" + d.code() + "/payments").with(DemoAccounts.as(users, other)))
                .andExpect(status().isNotFound());
    }

    @Test
    void afterReceptionTimingOffersTheFeeOnlyOnceReceivedWithTheDeadlineFromTheReceipt() {
        Dossier d = dossier(List.of(), List.of(new Fee(40_000, "Lệ phí")), List.of(), null);
        PaymentDues after = new PaymentDues(fees, requests, payments, clock, PaymentDues.FeeTiming.AFTER_RECEPTION,
                java.time.Period.ofDays(5));
        assertThat(after.feePayableNow(d)).isFalse();
        assertThat(after.feeDeadline(d)).isNull();
        assertThat(after.payableNow(d)).isEmpty();
        java.time.Instant received = java.time.LocalDateTime.of(2026, 3, 2, 9, 0).atZone(VietnamTime.ZONE).toInstant();
        Dossier receivedDossier = new Dossier(d.id(), d.code(), d.procedureVersionId(), d.procedureCode(),
                d.procedureName(), d.agencyCode(), d.applicantId(), d.representation(), d.channel(),
                vn.dvc.dossier.DossierStatus.IN_PROGRESS, d.caseIndex(), d.formJson(), d.submittedAt(), received,
                null, null, null, d.rowVersion());
        assertThat(after.feePayableNow(receivedDossier)).isTrue();
        assertThat(after.feeDeadline(receivedDossier))
                .isEqualTo(java.time.LocalDateTime.of(2026, 3, 7, 23, 59).atZone(VietnamTime.ZONE).toInstant());
        assertThat(after.payableNow(receivedDossier)).get().extracting(PaymentDues.Due::amountVnd).isEqualTo(40_000L);
    }

    @Test
    void aDossierWithoutFeeShowsNoPaymentPanel() throws Exception {
        Dossier free = dossier(List.of(), List.of(), List.of(), null);
        mvc.perform(get("/dossiers/" + free.code()).with(DemoAccounts.as(users, owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"pay-online\""))))
                .andExpect(content().string(not(containsString("id=\"payment-panel\""))));
    }
}
