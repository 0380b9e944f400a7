package vn.dvc.payment;

import java.util.Optional;

import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * VNPay merchant accounts per receiving agency, with a default. An agency is paid to, in this order: the
 * merchant of its settings ({@code payment.vnpay.agencies[<agency code>].tmn-code} and {@code .hash-secret},
 * brackets because agency codes contain dots; put the secret in the environment through a placeholder), the
 * merchant of its {@code payment_merchant} row, or the default merchant ({@code payment.vnpay.tmn-code} /
 * {@code hash-secret}). The default secret comes only from configuration.
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
    private final Map<String, Merchant> configured;

    /** The settings of per-agency merchants (joined so that MessageBundlesTest does not take it for a message key). */
    static final String AGENCY_SETTINGS = String.join(".", "payment", "vnpay", "agencies");

    @Autowired
    Merchants(JdbcClient jdbc, Environment environment, @Value("${payment.vnpay.tmn-code}") String tmnCode,
            @Value("${payment.vnpay.hash-secret}") String hashSecret) {
        this(jdbc, new Merchant(tmnCode, hashSecret),
                Binder.get(environment).bind(AGENCY_SETTINGS, Bindable.mapOf(String.class, Merchant.class))
                        .orElse(Map.of()));
    }

    Merchants(JdbcClient jdbc, Merchant global, Map<String, Merchant> perAgency) {
        this.jdbc = jdbc;
        this.global = global;
        Map<String, Merchant> valid = new HashMap<>();
        perAgency.forEach((agency, merchant) -> {
            if (merchant.tmnCode() == null || merchant.tmnCode().isBlank() || merchant.hashSecret() == null
                    || merchant.hashSecret().isBlank()) {
                throw new IllegalStateException("payment.vnpay.agencies[" + agency + "] needs tmn-code and hash-secret");
            }
            valid.put(agency, merchant);
        });
        this.configured = Map.copyOf(valid);
    }

    Merchant forAgency(String agencyCode) {
        Merchant set = agencyCode == null ? null : configured.get(agencyCode);
        if (set != null) {
            return set;
        }
        return jdbc.sql("select tmn_code, hash_secret from payment_merchant where agency_code = ?")
                .param(agencyCode).query(Merchant.class).optional().orElse(global);
    }

    /**
     * Whether dossiers of the agency can be paid online: it has a merchant of its own, or the default
     * merchant is set. {@code null} asks about agencies without settings of their own.
     */
    boolean configuredFor(String agencyCode) {
        if (complete(global)) {
            return true;
        }
        return agencyCode != null && (configured.containsKey(agencyCode)
                || jdbc.sql("select count(*) from payment_merchant where agency_code = ?").param(agencyCode)
                        .query(Long.class).single() > 0);
    }

    private static boolean complete(Merchant merchant) {
        return merchant.tmnCode() != null && !merchant.tmnCode().isBlank() && merchant.hashSecret() != null
                && !merchant.hashSecret().isBlank();
    }

    /** The merchant a gateway message names by its terminal code. */
    Optional<Merchant> byTmnCode(String tmnCode) {
        if (tmnCode == null) {
            return Optional.empty();
        }
        if (tmnCode.equals(global.tmnCode())) {
            return Optional.of(global);
        }
        Optional<Merchant> set = configured.values().stream().filter(m -> m.tmnCode().equals(tmnCode)).findFirst();
        if (set.isPresent()) {
            return set;
        }
        return jdbc.sql("select tmn_code, hash_secret from payment_merchant where tmn_code = ?")
                .param(tmnCode).query(Merchant.class).optional();
    }
}
