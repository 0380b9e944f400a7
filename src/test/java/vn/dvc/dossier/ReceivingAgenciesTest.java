package vn.dvc.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.dvc.IntegrationTest;
import vn.dvc.catalogue.Implementation;
import vn.dvc.catalogue.Procedure;
import vn.dvc.catalogue.ProcedureContent;
import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.AgencyLevel;

@IntegrationTest
class ReceivingAgenciesTest {

    @Autowired ReceivingAgencies receivers;
    @Autowired Agencies agencies;
    @Autowired JdbcClient jdbc;

    @Test
    void theNamedAgenciesInForceReceiveInTheImplementationsOrder() {
        List<vn.dvc.organisation.Agency> communes = agencies.active(AgencyLevel.COMMUNE);
        String first = communes.get(3).code();
        String second = communes.get(1).code();
        Implementation ended = ended();
        Procedure procedure = procedure(communes.get(0).code(), new Implementation(AgencyLevel.COMMUNE, first), ended,
                new Implementation(AgencyLevel.COMMUNE, "000.99.99.H21"), new Implementation(AgencyLevel.COMMUNE, second),
                new Implementation(AgencyLevel.COMMUNE, first));

        assertThat(receivers.of(procedure)).containsExactly(agencies.find(first).orElseThrow(),
                agencies.find(second).orElseThrow());
        assertThat(receivers.allows(procedure, second)).isTrue();
        assertThat(receivers.allows(procedure, ended.agencyCode())).isFalse();
    }

    @Test
    void withNoNamedAgencyInForceTheLeadAgencyReceives() {
        String lead = agencies.active(AgencyLevel.COMMUNE).get(2).code();
        Procedure procedure = procedure(lead, ended(), new Implementation(AgencyLevel.COMMUNE, "000.99.99.H21"));

        assertThat(receivers.of(procedure)).containsExactly(agencies.find(lead).orElseThrow());
    }

    /** An agency that no longer exists (the districts ended on 1 July 2025). */
    private Implementation ended() {
        return jdbc.sql("select level, code from agency where valid_to is not null order by code limit 1")
                .query((rs, n) -> new Implementation(AgencyLevel.valueOf(rs.getString(1)), rs.getString(2))).single();
    }

    private static Procedure procedure(String lead, Implementation... implementations) {
        ProcedureContent content = new ProcedureContent("9.999999", "Thủ tục thử", "Thử", lead,
                List.of(implementations), null, null, false, List.of(), List.of(), null, null, null, null, null, null,
                null);
        return new Procedure(1, 1, true, content, Instant.now(), "test", null);
    }
}
