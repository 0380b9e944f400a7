package vn.dvc.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.dvc.catalogue.OnlineCapability.Offering;
import vn.dvc.catalogue.ServiceOfferings.Availability;
import vn.dvc.organisation.AgencyLevel;
import vn.dvc.shared.ProblemException.FieldProblem;

/** The level-4 integrity rule and what the catalogue shows, for agencies with and without the set-up. */
class ServiceOfferingsTest {

    static final String JUSTICE = "000.00.03.H21";
    static final String PLEIKU = "000.00.30.H21";

    /** A capability set up for the given agencies only ({@code null} in the set: agencies without their own). */
    static OnlineCapability capability(Offering offering, Set<String> agencies) {
        return new OnlineCapability() {
            @Override
            public Offering offering() {
                return offering;
            }

            @Override
            public boolean configuredFor(String agencyCode) {
                return agencies.contains(agencyCode);
            }
        };
    }

    static ProcedureContent procedure(ServiceLevel level, OnlineMode mode, long onlineFee, String... agencies) {
        List<Fee> fees = onlineFee == 0 ? List.of() : List.of(new Fee(onlineFee, "Lệ phí"));
        List<Implementation> implementations = java.util.Arrays.stream(agencies)
                .map(code -> new Implementation(AgencyLevel.PROVINCIAL, code)).toList();
        return new ProcedureContent("1.000894", "Đăng ký kết hôn", "Hộ tịch", JUSTICE, implementations, level, mode,
                false, List.of(new ChannelTerms(Channel.DIRECT, BigDecimal.ONE, TimeUnit.WORKING_DAYS, fees, null),
                        new ChannelTerms(Channel.ONLINE, BigDecimal.ONE, TimeUnit.WORKING_DAYS, fees, null)),
                List.of(), null, null, null, null, null, null, null);
    }

    static List<String> keys(ServiceOfferings offerings, ProcedureContent content) {
        return offerings.problems(content).stream().map(FieldProblem::messageKey).toList();
    }

    @Test
    void levelFourNeedsPaymentWhenThereIsAFeeAndAnElectronicResultAtEveryReceivingAgency() {
        ServiceOfferings justiceOnly = new ServiceOfferings(List.of(
                capability(Offering.ONLINE_PAYMENT, Set.of(JUSTICE)),
                capability(Offering.ELECTRONIC_RESULT, Set.of(JUSTICE))));

        assertThat(keys(justiceOnly, procedure(ServiceLevel.LEVEL_4, OnlineMode.FULL, 50_000, JUSTICE))).isEmpty();
        // Pleiku also receives it but has neither a merchant account nor a certificate.
        assertThat(keys(justiceOnly, procedure(ServiceLevel.LEVEL_4, OnlineMode.FULL, 50_000, JUSTICE, PLEIKU)))
                .containsExactly("catalogue.error.level4-payment", "catalogue.error.level4-result");
        // Without a fee online payment is not needed.
        assertThat(keys(justiceOnly, procedure(ServiceLevel.LEVEL_4, OnlineMode.PARTIAL, 0, JUSTICE, PLEIKU)))
                .containsExactly("catalogue.error.level4-result");
        // Level 3 asks nothing of the kind.
        assertThat(keys(justiceOnly, procedure(ServiceLevel.LEVEL_3, OnlineMode.PARTIAL, 50_000, PLEIKU))).isEmpty();
    }

    @Test
    void withoutAnyProviderNothingCanBeFullOnline() {
        ServiceOfferings none = new ServiceOfferings(List.of());
        assertThat(keys(none, procedure(ServiceLevel.LEVEL_4, OnlineMode.FULL, 0, JUSTICE)))
                .containsExactly("catalogue.error.level4-result");
    }

    @Test
    void theCatalogueShowsExactlyWhatIsOffered() {
        ServiceOfferings offerings = new ServiceOfferings(List.of(
                capability(Offering.ONLINE_PAYMENT, Set.of(JUSTICE)),
                capability(Offering.ELECTRONIC_RESULT, Set.of(JUSTICE, PLEIKU))));
        assertThat(offerings.of(procedure(ServiceLevel.LEVEL_4, OnlineMode.FULL, 50_000, JUSTICE)))
                .isEqualTo(new ServiceOfferings.Offerings(true, Availability.YES, Availability.YES, false));
        assertThat(offerings.of(procedure(ServiceLevel.LEVEL_3, OnlineMode.PARTIAL, 50_000, PLEIKU)))
                .isEqualTo(new ServiceOfferings.Offerings(true, Availability.NO, Availability.YES, false));
        assertThat(offerings.of(procedure(ServiceLevel.LEVEL_3, OnlineMode.PARTIAL, 0, PLEIKU)).onlinePayment())
                .isEqualTo(Availability.NOT_NEEDED);
    }
}
