package vn.dvc.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import vn.dvc.TestCodes;
import vn.dvc.catalogue.Channel;
import vn.dvc.catalogue.ChannelTerms;
import vn.dvc.catalogue.Implementation;
import vn.dvc.catalogue.OnlineMode;
import vn.dvc.catalogue.ProcedureCatalogue;
import vn.dvc.catalogue.ProcedureContent;
import vn.dvc.catalogue.ServiceLevel;
import vn.dvc.catalogue.TimeUnit;
import vn.dvc.identity.AgencyScope;
import vn.dvc.organisation.AgencyAdministration;
import vn.dvc.organisation.AgencyLevel;

/**
 * Data of the planning tests. The database is shared by every test class of a run, so each test
 * makes its own procedures (codes 1.97xxxx, never used by the demo) and agencies (000.7x.yy.H21), and
 * uses its own plan year (each test class has its own range, see the constants there).
 */
final class PlanFixtures {

    static final String JUSTICE = "000.00.03.H21";
    static final String PLEIKU = "000.00.30.H21";
    static final String PROVINCE = "000.00.00.H21";
    private static final AtomicInteger NEXT_CODE = new AtomicInteger(1);

    private final ProcedureCatalogue catalogue;
    private final AgencyAdministration agencies;

    PlanFixtures(ProcedureCatalogue catalogue, AgencyAdministration agencies) {
        this.catalogue = catalogue;
        this.agencies = agencies;
    }

    static String unusedProcedureCode() {
        return String.format("1.97%04d", NEXT_CODE.getAndIncrement());
    }

    /** A new provincial department, in force since 2020. */
    String agency(String name) {
        return agencies.create(AgencyScope.PROVINCE, new AgencyAdministration.NewAgency(
                TestCodes.provincialAgency(), AgencyLevel.PROVINCIAL, PROVINCE, name,
                null, LocalDate.of(2020, 1, 1)));
    }

    /** A procedure led by a provincial agency, at that service level. */
    String procedure(String leadAgency, int serviceLevel, boolean centrallyProvided) {
        String code = unusedProcedureCode();
        catalogue.add(content(code, leadAgency, AgencyLevel.PROVINCIAL, serviceLevel, centrallyProvided),
                AgencyScope.PROVINCE, "test");
        return code;
    }

    /** A procedure implemented at the level of the agency that leads it. */
    String procedure(String leadAgency, AgencyLevel level, int serviceLevel) {
        String code = unusedProcedureCode();
        catalogue.add(content(code, leadAgency, level, serviceLevel, false), AgencyScope.PROVINCE, "test");
        return code;
    }

    /** Brings a procedure to another service level (a new version), as its agency would. */
    void reviseLevel(String code, int version, String leadAgency, int serviceLevel, boolean centrallyProvided) {
        catalogue.revise(code, version, content(code, leadAgency, AgencyLevel.PROVINCIAL, serviceLevel,
                centrallyProvided), "test", AgencyScope.PROVINCE, "test");
    }

    static ProcedureContent content(String code, String lead, AgencyLevel level, int serviceLevel, boolean central) {
        ServiceLevel service = ServiceLevel.of(serviceLevel);
        OnlineMode mode = serviceLevel <= 2 ? OnlineMode.NONE : serviceLevel == 3 ? OnlineMode.PARTIAL : OnlineMode.FULL;
        List<ChannelTerms> channels = new ArrayList<>();
        channels.add(new ChannelTerms(Channel.DIRECT, BigDecimal.valueOf(5), TimeUnit.WORKING_DAYS, List.of(), null));
        if (serviceLevel >= 3) {
            channels.add(new ChannelTerms(Channel.ONLINE, BigDecimal.valueOf(5), TimeUnit.WORKING_DAYS, List.of(), null));
        }
        return new ProcedureContent(code, "Thủ tục thử nghiệm kế hoạch " + code, "Thử nghiệm", lead,
                List.of(new Implementation(level, lead)), service, mode, central, channels, List.of(), null, null,
                null, null, null, null, "Dữ liệu kiểm thử");
    }
}
