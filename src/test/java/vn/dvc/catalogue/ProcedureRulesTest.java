package vn.dvc.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import vn.dvc.organisation.Agency;
import vn.dvc.organisation.AgencyLevel;
import vn.dvc.shared.ProblemException.FieldProblem;

class ProcedureRulesTest {

    static final Agency JUSTICE = new Agency("000.00.03.H21", "Sở Tư pháp", "Sở Tư pháp", AgencyLevel.PROVINCIAL,
            "000.00.00.H21", null, null, null, null, null, LocalDate.of(2019, 12, 1), null, null, true);
    static final Function<String, Agency> AGENCIES = code -> JUSTICE.code().equals(code) ? JUSTICE : null;

    static ProcedureContent valid() {
        List<Fee> noFee = List.of();
        return new ProcedureContent("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch", "000.00.03.H21",
                List.of(new Implementation(AgencyLevel.COMMUNE, null)), ServiceLevel.LEVEL_4, OnlineMode.FULL, false,
                List.of(new ChannelTerms(Channel.DIRECT, BigDecimal.ONE, TimeUnit.WORKING_DAYS, noFee, null),
                        new ChannelTerms(Channel.ONLINE, BigDecimal.ONE, TimeUnit.WORKING_DAYS, noFee, null)),
                List.of(), null, null, null, null, null, "https://dichvucong.gov.vn/p", null);
    }

    static List<String> keys(ProcedureContent content) {
        return ProcedureRules.check(content, AGENCIES).stream().map(FieldProblem::messageKey).toList();
    }

    @Test
    void acceptsACompleteLevelFourProcedure() {
        assertThat(keys(valid())).isEmpty();
    }

    @Test
    void refusesCodesOutsideTheNationalFormat() {
        assertThat(keys(valid().withCode("1001193"))).containsExactly("catalogue.error.code-format");
        assertThat(keys(valid().withCode("2.000635.000.00.00.H21"))).isEmpty();
    }

    @Test
    void refusesAnOnlineModeThatDoesNotFitTheLevel() {
        ProcedureContent v = valid();
        ProcedureContent levelTwoFullOnline = new ProcedureContent(v.code(), v.name(), v.field(), v.leadAgencyCode(),
                v.implementations(), ServiceLevel.LEVEL_2, OnlineMode.FULL, false, List.of(), List.of(), null, null,
                null, null, null, null, null);
        assertThat(keys(levelTwoFullOnline)).containsExactly("catalogue.error.mode-level");
    }

    @Test
    void requiresAnOnlineChannelFromLevelThree() {
        ProcedureContent v = valid();
        ProcedureContent noOnline = new ProcedureContent(v.code(), v.name(), v.field(), v.leadAgencyCode(),
                v.implementations(), ServiceLevel.LEVEL_3, OnlineMode.PARTIAL, false, List.of(v.channels().get(0)),
                List.of(), null, null, null, null, null, null, null);
        assertThat(keys(noOnline)).containsExactly("catalogue.error.online-channel-required");
    }

    @Test
    void refusesUnknownAgenciesAndScriptAddresses() {
        ProcedureContent v = valid();
        ProcedureContent bad = new ProcedureContent(v.code(), v.name(), v.field(), "000.00.99.H21",
                List.of(new Implementation(AgencyLevel.DISTRICT, "000.00.03.H21")), v.serviceLevel(), v.onlineMode(),
                false, v.channels(), List.of(), null, null, null, null, null, "javascript:alert(1)", null);
        assertThat(keys(bad)).containsExactlyInAnyOrder("catalogue.error.agency-unknown",
                "catalogue.error.agency-level", "catalogue.error.url");
    }

    @Test
    void allowsACentrallyProvidedProcedureWithoutLeadAgency() {
        ProcedureContent v = valid();
        ProcedureContent central = new ProcedureContent(v.code(), v.name(), v.field(), null, List.of(),
                v.serviceLevel(), v.onlineMode(), true, v.channels(), List.of(), null, null, null, null, null, null, null);
        assertThat(keys(central)).isEmpty();
    }

    @Test
    void refusesNegativeFeesAndChannelsGivenTwice() {
        ProcedureContent v = valid();
        ChannelTerms negative = new ChannelTerms(Channel.DIRECT, BigDecimal.TEN, TimeUnit.WORKING_DAYS,
                List.of(new Fee(-1, "x")), null);
        ProcedureContent bad = new ProcedureContent(v.code(), v.name(), v.field(), v.leadAgencyCode(),
                v.implementations(), v.serviceLevel(), v.onlineMode(), false,
                List.of(negative, v.channels().get(0), v.channels().get(1)), List.of(), null, null, null, null, null,
                null, null);
        assertThat(keys(bad)).containsExactlyInAnyOrder("catalogue.error.fee-range", "catalogue.error.channel-twice");
    }
}
