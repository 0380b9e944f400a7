package vn.dvc.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.dvc.IntegrationTest;
import vn.dvc.organisation.AdministrativeUnit.Level;
import vn.dvc.organisation.AdministrativeUnit.Predecessor;

@IntegrationTest
class OrganisationUnitHistoryTests {

    @Autowired
    AdministrativeUnits units;

    @Test
    void aCommuneHasTheNameItBoreOnTheDayAsked() {
        assertThat(units.asOf(LocalDate.of(2025, 6, 30), Level.COMMUNE))
                .filteredOn(u -> u.code().equals("23674")).singleElement()
                .satisfies(u -> {
                    assertThat(u.name()).isEqualTo("Xã Kông Bơ La");
                    assertThat(u.validFrom()).isEqualTo(LocalDate.of(2024, 11, 1));
                    assertThat(u.parentCode()).isEqualTo("625");
                });
        assertThat(units.find("23674", LocalDate.of(2020, 1, 1)).orElseThrow().name()).isEqualTo("Xã Đăk HLơ");
    }

    @Test
    void theProvinceCodeMeansBinhDinhBefore2025AndTheNewGiaLaiSince() {
        assertThat(units.find("52", LocalDate.of(2025, 6, 30)).orElseThrow().name()).isEqualTo("Tỉnh Bình Định");
        assertThat(units.find("52", LocalDate.of(2025, 7, 1)).orElseThrow().name()).isEqualTo("Tỉnh Gia Lai");
        assertThat(units.asOf(LocalDate.of(2025, 7, 1), Level.DISTRICT)).isEmpty();
        assertThat(units.asOf(LocalDate.of(2025, 6, 30), Level.DISTRICT)).isNotEmpty();
    }

    @Test
    void aCommuneFormedIn2025ListsTheUnitsItWasFormedFrom() {
        assertThat(units.lineage("23674", LocalDate.of(2025, 7, 1)))
                .extracting(p -> p.unit().code(), p -> p.unit().name(), Predecessor::partial)
                .containsExactly(
                        tuple("23659", "Xã Đông", false),
                        tuple("23662", "Xã Nghĩa An", false),
                        tuple("23674", "Xã Kông Bơ La", false));
        assertThat(units.lineage("23674", LocalDate.of(2025, 6, 30))).isEmpty();
    }

    @Test
    void aCommuneFormedFromPartOfAnotherSaysSo() {
        assertThat(units.lineage("22006", LocalDate.of(2025, 7, 1)))
                .extracting(p -> p.unit().code(), Predecessor::partial)
                .containsExactlyInAnyOrder(tuple("22003", false), tuple("22006", false), tuple("21997", true),
                        tuple("22000", true));
    }
}
