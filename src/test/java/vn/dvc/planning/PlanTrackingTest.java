package vn.dvc.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.dvc.IntegrationTest;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.catalogue.ProcedureQuery;
import vn.dvc.catalogue.Procedures;
import vn.dvc.identity.AgencyScope;
import vn.dvc.organisation.AgencyAdministration;
import vn.dvc.organisation.AgencyLevel;
import vn.dvc.planning.PlanTracking.AgencyProgress;
import vn.dvc.planning.PlanTracking.TrackingReport;

/**
 * Tracking on controlled data: a fresh department with four procedures of its own, of which the
 * published plan brings two to level 4. Years used here: 2015 (over) and 2056 (not yet).
 */
@IntegrationTest
class PlanTrackingTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Planning planning;
    @Autowired
    PlanTracking tracking;
    @Autowired
    Procedures procedures;
    @Autowired
    ProcedureCatalogue catalogue;
    @Autowired
    AgencyAdministration agencies;

    PlanFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new PlanFixtures(catalogue, agencies);
    }

    void publish(int year, String agency, List<String> upgrades, List<String> newBuilds) {
        planning.open(year, planning.today().plusDays(30), "test");
        for (String code : upgrades) {
            planning.register(year, agency, new Planning.Registration(code, BuildKind.UPGRADE, 100_000_000L,
                    "Phòng thử nghiệm", null), AgencyScope.of(agency), "test");
        }
        for (String code : newBuilds) {
            planning.register(year, agency, new Planning.Registration(code, BuildKind.NEW_BUILD, 100_000_000L,
                    "Phòng thử nghiệm", null), AgencyScope.of(agency), "test");
        }
        planning.consolidate(year, "test");
        planning.approve(year, "test");
        planning.publish(year, "test");
    }

    AgencyProgress row(int year, String agency) {
        return tracking.track(year).orElseThrow().agencies().stream().filter(a -> a.agencyCode().equals(agency))
                .findFirst().orElseThrow();
    }

    @Test
    void countsLiveServicesAgainstThePlanAndTheTargetPerAgencyAndFlagsWhatIsLate() throws Exception {
        String agency = fixtures.agency("Sở Thử nghiệm Theo dõi");
        String live = fixtures.procedure(agency, 4, false);
        String upgrade = fixtures.procedure(agency, 3, false);
        String other = fixtures.procedure(agency, 3, false);
        String newBuild = fixtures.procedure(agency, 2, false);
        publish(2015, agency, List.of(upgrade), List.of(newBuild));

        AgencyProgress before = row(2015, agency);
        assertThat(before.coverage().procedures()).isEqualTo(4);
        assertThat(before.coverage().level4()).isEqualTo(1);
        assertThat(before.coverage().ratio()).isEqualByComparingTo("25.00");
        assertThat(before.coverage().belowTarget()).isTrue();
        assertThat(before.plannedUpgrades()).isEqualTo(1);
        assertThat(before.plannedNewBuilds()).isEqualTo(1);
        assertThat(before.plannedLive()).isZero();
        assertThat(before.behindSchedule()).as("2015 is over and nothing planned is live").isTrue();

        fixtures.reviseLevel(upgrade, 1, agency, 4, false);
        AgencyProgress halfway = row(2015, agency);
        assertThat(halfway.coverage().level4()).isEqualTo(2);
        assertThat(halfway.coverage().ratio()).isEqualByComparingTo("50.00");
        assertThat(halfway.coverage().belowTarget()).isFalse();
        assertThat(halfway.plannedLive()).isEqualTo(1);
        assertThat(halfway.behindSchedule()).isTrue();

        fixtures.reviseLevel(newBuild, 1, agency, 4, false);
        AgencyProgress done = row(2015, agency);
        assertThat(done.coverage().ratio()).isEqualByComparingTo("75.00");
        assertThat(done.plannedLive()).isEqualTo(2);
        assertThat(done.behindSchedule()).isFalse();

        // A plan for a year not over yet is not late, whatever is live.
        publish(2056, agency, List.of(other), List.of(fixtures.procedure(agency, 1, false)));
        AgencyProgress future = row(2056, agency);
        assertThat(future.plannedLive()).isZero();
        assertThat(future.behindSchedule()).isFalse();
        assertThat(future.coverage().procedures()).isEqualTo(5);
        assertThat(future.coverage().ratio()).as("3 of 5 live").isEqualByComparingTo("60.00");
        assertThat(live).isNotBlank();

        mvc.perform(get("/api/v1/plans/2015/tracking")).andExpect(status().isOk())
                .andExpect(jsonPath("$.targetRatio").value(30))
                .andExpect(jsonPath("$.agencies[0].agencyCode").value(agency))
                .andExpect(jsonPath("$.agencies[0].coverage.ratio").value(60.00))
                .andExpect(jsonPath("$.services.length()").value(2));
        mvc.perform(get("/plans/2015")).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"tracking-" + agency + "\"")))
                .andExpect(content().string(containsString("60,00%")));
    }

    @Test
    void levelsAndTheProvinceCountTheCurrentCatalogue() {
        String agency = fixtures.agency("Sở Thử nghiệm Cấp");
        publish(2016, agency, List.of(), List.of(fixtures.procedure(agency, 2, false)));
        TrackingReport report = tracking.track(2016).orElseThrow();
        long all = procedures.search(new ProcedureQuery(null, null, null, null, null, null, 0, 1)).total();
        long level4 = procedures.search(new ProcedureQuery(null, null, null, null, 4, null, 0, 1)).total();
        assertThat(report.province().procedures()).isEqualTo(all);
        assertThat(report.province().level4()).isEqualTo(level4);
        PlanTracking.LevelProgress provincial = report.levels().get(0);
        assertThat(provincial.level()).isEqualTo(AgencyLevel.PROVINCIAL);
        assertThat(provincial.coverage().procedures()).isEqualTo(procedures.search(
                new ProcedureQuery(null, null, AgencyLevel.PROVINCIAL, null, null, null, 0, 1)).total());
        assertThat(provincial.plannedNewBuilds()).isEqualTo(1);
        assertThat(provincial.behindSchedule()).isTrue();
    }

    @Test
    void theSeedPlanIsTrackedAgainstWhatItSaysShouldExistByTheEndOfEachYear() {
        TrackingReport y2020 = tracking.track(2020).orElseThrow();
        TrackingReport y2021 = tracking.track(2021).orElseThrow();
        // 141 existing + 2020: 45 + 67 + 22 + 28 + 18 = 321; + 2021: 155 + 94 + 41 + 36 = 647 (the years, as written).
        assertThat(y2020.documents()).singleElement().satisfies(d -> assertThat(d.expectedLevel4()).isEqualTo(321));
        assertThat(y2021.documents()).singleElement().satisfies(d -> assertThat(d.expectedLevel4()).isEqualTo(647));
        assertThat(y2021.agencies()).hasSize(17);
        assertThat(y2021.agencies()).filteredOn(a -> a.agencyCode().equals(PlanFixtures.JUSTICE)).singleElement()
                .satisfies(a -> assertThat(a.statedServices()).isEqualTo(32));
        assertThat(y2021.yearOver()).isEqualTo(planning.today().isAfter(LocalDate.of(2021, 12, 31)));
    }

    @Test
    void exportsTheTrackingAsCsvAndXlsx() throws Exception {
        String agency = fixtures.agency("Sở Thử nghiệm Xuất");
        String upgrade = fixtures.procedure(agency, 3, false);
        fixtures.procedure(agency, 4, false);
        publish(2017, agency, List.of(upgrade), List.of());

        byte[] csv = mvc.perform(get("/plans/2017/tracking.csv")).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("theo-doi-ke-hoach-2017.csv")))
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFPhạm vi,Mã,Tên,Cấp,Số thủ tục");
        assertThat(text).contains("Cơ quan," + agency + ",Sở Thử nghiệm Xuất,PROVINCIAL,2,1,50.00,30,Không,0,1,0,,Có");

        byte[] xlsx = mvc.perform(get("/plans/2017/tracking.xlsx")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row last = workbook.getSheetAt(0).getRow(workbook.getSheetAt(0).getLastRowNum());
            assertThat(last.getCell(1).getStringCellValue()).isEqualTo(agency);
            assertThat(last.getCell(4).getNumericCellValue()).isEqualTo(2);
            assertThat(last.getCell(6).getNumericCellValue()).isEqualTo(50.0);
            assertThat(last.getCell(13).getStringCellValue()).isEqualTo("Có");
        }
    }
}
