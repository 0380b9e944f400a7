package vn.dvc.organisation;

import java.time.LocalDate;

import vn.dvc.TestCodes;
import vn.dvc.identity.AgencyScope;

/**
 * Fresh agencies for tests that change data: the database is shared by every test class of a run, so
 * a test changes only agencies it made itself. Codes 000.9x.yy.H21 are never used by the demo data.
 */
final class AgencyFixtures {

    static final String PROVINCE = "000.00.00.H21";
    static final LocalDate START = LocalDate.of(2020, 1, 1);

    private final AgencyAdministration administration;

    AgencyFixtures(AgencyAdministration administration) {
        this.administration = administration;
    }

    static String unusedCode() {
        return TestCodes.provincialAgency();
    }

    /** A new provincial agency under the province, in force since 2020. */
    String agency(String name) {
        return agencyUnder(PROVINCE, name);
    }

    String agencyUnder(String parent, String name) {
        return administration.create(AgencyScope.PROVINCE, new AgencyAdministration.NewAgency(unusedCode(),
                AgencyLevel.PROVINCIAL, parent, name, null, START));
    }

    long version(String code) {
        return administration.editable(AgencyScope.PROVINCE, code).version();
    }
}
