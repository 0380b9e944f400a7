package vn.dvc.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** What is wrong with a plan file is said by row and column; nothing is guessed or corrected. */
class PlanFileTest {

    static PlanFile.Result read(String name, String csv) {
        return PlanFile.read(name, csv.getBytes(StandardCharsets.UTF_8), "000.00.03.H21"::equals);
    }

    @Test
    void reportsEveryProblemWithItsRowAndColumn() {
        PlanFile.Result result = read("plan.csv", """
                record,level,name,agency_code,year,new_builds,upgrades,services,value
                document,,reference,,,,,,R-3
                document,,title,,,,,,T
                document,,first_year,,,,,,2030
                document,,last_year,,,,,,2031
                level,PROVINCIAL,,,2030,ba,,,
                level,QUAN,,,,,,5,
                agency,PROVINCIAL,Sở X,000.00.99.H21,,,,5,
                level,COMMUNE,,,2035,1,,,
                level,COMMUNE,,,,2,,3,
                document,,stated_ratio,,,,,,12
                bang,,,,,,,,
                """);
        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).extracting(PlanFile.Problem::row, PlanFile.Problem::column,
                PlanFile.Problem::messageKey).containsExactly(
                tuple(0, "name", "planning.import.error.missing-key"),
                tuple(6, "new_builds", "planning.import.error.integer"),
                tuple(7, "level", "planning.import.error.level"),
                tuple(8, "agency_code", "planning.import.error.agency"),
                tuple(9, "year", "planning.import.error.year-outside"),
                tuple(10, "new_builds", "planning.import.error.figures-need-year"),
                tuple(11, "name", "planning.import.error.needs-existing"),
                tuple(12, "record", "planning.import.error.record"));
        assertThat(result.problems().get(1).args()).containsExactly("6", "new_builds", "ba");
    }

    @Test
    void refusesAMisspeltColumnAndAFileThatIsNotWhatItsNameSays() {
        assertThat(read("plan.csv", "record,level,name,agency,year,new_builds,upgrades,services,value\n").problems())
                .extracting(PlanFile.Problem::messageKey, PlanFile.Problem::args)
                .containsExactly(tuple("planning.import.error.missing-column", java.util.List.of("agency_code")),
                        tuple("planning.import.error.unknown-column", java.util.List.of("agency")));
        assertThat(read("plan.xlsx", "record,level\n").problems()).extracting(PlanFile.Problem::messageKey)
                .containsExactly("planning.import.error.unreadable");
        assertThat(read("plan.pdf", "record,level\n").problems()).extracting(PlanFile.Problem::messageKey)
                .containsExactly("planning.import.error.format");
    }

    @Test
    void readsFiguresAsWrittenWithVietnameseSeparatorsAndLevels() {
        PlanFile.Result result = read("plan.csv", """
                record;level;name;agency_code;year;new_builds;upgrades;services;value
                document;;reference;;;;;;2575/KH-UBND
                document;;title;;;;;;Kế hoạch
                document;;issued_on;;;;;;18/11/2019
                document;;first_year;;;;;;2020
                document;;last_year;;;;;;2021
                document;;procedures_total;;;;;;2.044
                document;;existing_level_4;;;;;;141
                document;;stated_ratio;;;;;;32,99%
                level;cấp huyện;;;2021;41;;;
                """);
        assertThat(result.problems()).isEmpty();
        PlanDocumentContent c = result.content();
        assertThat(c.proceduresTotal()).isEqualTo(2044);
        assertThat(c.statedRatio()).isEqualByComparingTo("32.99");
        assertThat(c.statedRatio().scale()).isEqualTo(2);
        assertThat(c.issuedOn()).isEqualTo(java.time.LocalDate.of(2019, 11, 18));
        assertThat(c.lines()).singleElement().satisfies(l -> {
            assertThat(l.level()).isEqualTo(vn.dvc.organisation.AgencyLevel.DISTRICT);
            assertThat(l.newBuilds()).isEqualTo(41);
            assertThat(l.upgrades()).as("not stated is not zero").isNull();
            assertThat(l.position()).isEqualTo(10);
        });
    }
}
