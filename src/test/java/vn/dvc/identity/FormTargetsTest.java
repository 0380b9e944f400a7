package vn.dvc.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The content security policy lets a form lead to this site, its public address and the payment gateway only. */
class FormTargetsTest {

    @Test
    void allowsThePublicAddressAndTheGatewayAndNothingElse() {
        assertThat(SecurityConfiguration.formTargets("https://dichvucong.gialai.gov.vn",
                "https://pay.vnpay.vn/vpcpay.html?x=1")).isEqualTo(
                        "'self' https://dichvucong.gialai.gov.vn https://pay.vnpay.vn");
        assertThat(SecurityConfiguration.formTargets("http://localhost:8080", "")).isEqualTo("'self' http://localhost:8080");
        assertThat(SecurityConfiguration.formTargets("javascript:alert(1)", "not an address", null)).isEqualTo("'self'");
    }
}
