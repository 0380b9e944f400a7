package vn.dvc.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.dvc.organisation.AgencyLevel;
import vn.dvc.planning.PlanArithmetic.Subject;

/** The seed plan's arithmetic, and the rules of the comparisons, on documents read from text. */
class PlanArithmeticTest {

    static final Path SAMPLE = Path.of("docs/samples/ke-hoach-2575-KH-UBND.csv");

    static PlanDocumentContent read(String csv) {
        PlanFile.Result result = PlanFile.read("plan.csv", csv.getBytes(StandardCharsets.UTF_8), code -> true);
        assertThat(result.problems()).isEmpty();
        return result.content();
    }

    @Test
    void theSeedPlanAsWrittenHasExactlyFourFiguresThatDoNotAddUp() throws IOException {
        PlanDocumentContent seed = read(Files.readString(SAMPLE));
        assertThat(seed.proceduresTotal()).isEqualTo(2044);
        assertThat(seed.lines()).as("3 + 17 + 3 + 14 + 3 + 8 lines").hasSize(48);

        PlanArithmetic.Figures figures = PlanArithmetic.of(seed);

        assertThat(figures.discrepancies())
                .extracting(PlanArithmetic.Comparison::subject, PlanArithmetic.Comparison::level,
                        c -> c.stated().toPlainString(), c -> c.computed().toPlainString())
                .containsExactly(
                        // District: 22 + 28 + 41 = 91 new builds and upgrades, but "90" is written.
                        tuple(Subject.LEVEL_YEARS, AgencyLevel.DISTRICT, "90", "91"),
                        // District fields: 9 + 2 + 1 + 9 + 8 + 13 + 8 + 3 + 2 + 7 + 7 + 6 + 15 + 1 = 91.
                        tuple(Subject.LEVEL_FIELDS, AgencyLevel.DISTRICT, "90", "91"),
                        // Commune fields: 11 + 4 + 1 + 7 + 12 + 8 + 7 + 3 = 53, but "54" is written.
                        tuple(Subject.LEVEL_FIELDS, AgencyLevel.COMMUNE, "54", "53"),
                        // 646 / 2044 = 31.60%, but "32,99%" is written.
                        tuple(Subject.RATIO, null, "32.99", "31.60"));
        // What does add up: the provincial years and departments (361), 361 + 90 + 54 = 505, 505 + 141 = 646.
        assertThat(figures.comparisons()).filteredOn(PlanArithmetic.Comparison::matches)
                .extracting(PlanArithmetic.Comparison::subject, PlanArithmetic.Comparison::level)
                .containsExactly(tuple(Subject.LEVEL_YEARS, AgencyLevel.PROVINCIAL),
                        tuple(Subject.LEVEL_AGENCIES, AgencyLevel.PROVINCIAL),
                        tuple(Subject.LEVEL_YEARS, AgencyLevel.COMMUNE),
                        tuple(Subject.TOTAL_LEVELS, null), tuple(Subject.PROVIDED_TOTAL, null));
        assertThat(figures.computedTotal()).isEqualTo(505);
        assertThat(figures.computedProvidedTotal()).isEqualTo(646);
    }

    @Test
    void comparesTheRatioAtThePrecisionItIsWrittenWithRoundingHalfUp() {
        String head = """
                record,level,name,agency_code,year,new_builds,upgrades,services,value
                document,,reference,,,,,,R-1
                document,,title,,,,,,T
                document,,first_year,,,,,,2030
                document,,last_year,,,,,,2030
                document,,procedures_total,,,,,,3
                document,,existing_level_4,,,,,,0
                document,,stated_total,,,,,,1
                level,COMMUNE,,,2030,1,,,
                """;
        // 1 / 3 = 33.333...%: "33.33" and "33" agree with it, "33.4" does not.
        assertThat(PlanArithmetic.of(read(head + "document,,stated_ratio,,,,,,33.33\n")).discrepancies()).isEmpty();
        assertThat(PlanArithmetic.of(read(head + "document,,stated_ratio,,,,,,33\n")).discrepancies()).isEmpty();
        assertThat(PlanArithmetic.of(read(head + "document,,stated_ratio,,,,,,\"33,4\"\n")).discrepancies())
                .singleElement().satisfies(c -> {
                    assertThat(c.subject()).isEqualTo(Subject.RATIO);
                    assertThat(c.computed()).isEqualByComparingTo(new BigDecimal("33.3"));
                });
    }

    @Test
    void withoutAStatedLevelTotalTheYearsStandForItAgainstTheDetails() {
        PlanDocumentContent document = read("""
                record,level,name,agency_code,year,new_builds,upgrades,services,value
                document,,reference,,,,,,R-2
                document,,title,,,,,,T
                document,,first_year,,,,,,2030
                document,,last_year,,,,,,2031
                document,,procedures_total,,,,,,100
                level,DISTRICT,,,2030,3,1,,
                level,DISTRICT,,,2031,2,,,
                field,DISTRICT,Đất đai,,,,,4,
                field,DISTRICT,Hộ tịch,,2030,1,,,
                field,DISTRICT,Hộ tịch,,2031,1,1,,
                """);
        List<PlanArithmetic.Comparison> found = PlanArithmetic.of(document).discrepancies();
        // Years: 3 + 1 + 2 = 6; fields: 4 + (1 + 1 + 1) = 7.
        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.subject()).isEqualTo(Subject.LEVEL_FIELDS);
            assertThat(c.statedIsSum()).isTrue();
            assertThat(c.stated()).isEqualByComparingTo("6");
            assertThat(c.computed()).isEqualByComparingTo("7");
            assertThat(c.parts()).extracting(BigDecimal::intValue).containsExactly(4, 3);
        });
    }
}
