package vn.dvc.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

import vn.dvc.IntegrationTest;

/** Merchant accounts per agency from the settings, with the default merchant for the others. */
@IntegrationTest
class MerchantsTest {

    @Autowired JdbcClient jdbc;

    @Test
    void anAgencyWithMerchantSettingsIsPaidThroughThemOthersThroughTheDefault() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("payment.vnpay.agencies[000.00.03.H21].tmn-code", "STPGL001")
                .withProperty("payment.vnpay.agencies[000.00.03.H21].hash-secret", "STPSECRET");
        Merchants merchants = new Merchants(jdbc, environment, "DEFAULT1", "DEFAULTSECRET");
        assertThat(merchants.forAgency("000.00.03.H21")).isEqualTo(new Merchants.Merchant("STPGL001", "STPSECRET"));
        assertThat(merchants.forAgency("000.00.30.H21")).isEqualTo(new Merchants.Merchant("DEFAULT1", "DEFAULTSECRET"));
        assertThat(merchants.byTmnCode("STPGL001")).contains(new Merchants.Merchant("STPGL001", "STPSECRET"));
        assertThat(merchants.byTmnCode("DEFAULT1")).contains(new Merchants.Merchant("DEFAULT1", "DEFAULTSECRET"));
        assertThat(merchants.byTmnCode("NOSUCH01")).isEmpty();
        assertThat(new Merchants.Merchant("STPGL001", "STPSECRET").toString()).doesNotContain("STPSECRET");
    }

    @Test
    void anIncompleteAgencySettingStopsTheStart() {
        assertThatThrownBy(() -> new Merchants(jdbc, new Merchants.Merchant("D", "S"),
                Map.of("000.00.03.H21", new Merchants.Merchant("STPGL001", "")))).isInstanceOf(IllegalStateException.class);
    }
}
