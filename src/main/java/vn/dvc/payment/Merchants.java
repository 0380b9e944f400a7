package vn.dvc.payment;

import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * VNPay merchant accounts: one per agency that has its own ({@code payment_merchant}), the global
 * settings for all others. The global hash secret comes only from configuration.
 */
@Component
class Merchants {

    /** A merchant account: its terminal code ({@code vnp_TmnCode}) and hash secret. */
    record Merchant(String tmnCode, String hashSecret) {

        @Override
        public String toString() {
            return "Merchant[" + tmnCode + "]"; // never log the secret
        }
    }

    private final JdbcClient jdbc;
    private final Merchant global;

    Merchants(JdbcClient jdbc, @Value("${payment.vnpay.tmn-code}") String tmnCode,
            @Value("${payment.vnpay.hash-secret}") String hashSecret) {
        this.jdbc = jdbc;
        this.global = new Merchant(tmnCode, hashSecret);
    }

    Merchant forAgency(String agencyCode) {
        return jdbc.sql("select tmn_code, hash_secret from payment_merchant where agency_code = ?")
                .param(agencyCode).query(Merchant.class).optional().orElse(global);
    }

    /** The merchant a gateway message names by its terminal code. */
    Optional<Merchant> byTmnCode(String tmnCode) {
        if (tmnCode == null) {
            return Optional.empty();
        }
        if (tmnCode.equals(global.tmnCode())) {
            return Optional.of(global);
        }
        return jdbc.sql("select tmn_code, hash_secret from payment_merchant where tmn_code = ?")
                .param(tmnCode).query(Merchant.class).optional();
    }
}
