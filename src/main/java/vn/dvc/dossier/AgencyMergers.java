package vn.dvc.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.Agency;
import vn.dvc.organisation.AgencyMerged;
import vn.dvc.shared.VietnamTime;

/**
 * When an agency is merged into another, its open dossiers (every status but refused 3, withdrawn 7,
 * stopped 8 and delivered 10) move to the successor with their codes, timelines, due dates and receipts
 * unchanged; each move is a timeline line ({@code TRANSFERRED}) and a {@link DossierTransferred} event
 * (the audit trail records it). A merger effective today or earlier moves them in the transaction that
 * records it; a merger recorded ahead of its date is applied by {@link #sweep} once the date has come.
 * A successor that was itself merged since is followed to the agency in force.
 */
@Component
class AgencyMergers {

    static final String OPEN = "status not in (3, 7, 8, 10)";
    private static final Logger log = LoggerFactory.getLogger(AgencyMergers.class);

    private final JdbcClient jdbc;
    private final Agencies agencies;
    private final DossierTransitions transitions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AgencyMergers(JdbcClient jdbc, Agencies agencies, DossierTransitions transitions,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.transitions = transitions;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(AgencyMerged merged) {
        if (!merged.effective().isAfter(today())) {
            move(merged.code(), merged.successorCode());
        }
    }

    /** Moves the open dossiers of agencies whose merger has taken effect (recorded ahead of its date). */
    @Scheduled(fixedDelayString = "${app.dossier.merger-sweep-interval:PT1H}", initialDelayString = "PT1M")
    @Transactional
    public int sweep() {
        int moved = 0;
        List<String> codes = jdbc.sql("select distinct agency_code from dossier where " + OPEN)
                .query(String.class).list();
        for (String code : codes) {
            Optional<Agency> agency = agencies.find(code);
            if (agency.isPresent() && agency.get().successorCode() != null && agency.get().validTo() != null
                    && !agency.get().validTo().isAfter(today())) {
                moved += move(code, agency.get().successorCode());
            }
        }
        return moved;
    }

    /** Moves the open dossiers of {@code from} to the agency in force that succeeded it; answers how many. */
    @Transactional
    int move(String from, String successor) {
        String to = inForce(successor);
        List<Long> ids = jdbc.sql("select id from dossier where agency_code = ? and " + OPEN + " order by id for update")
                .param(from).query(Long.class).list();
        if (ids.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        for (long id : ids) {
            String code = jdbc.sql("update dossier set agency_code = ?, row_version = row_version + 1 where id = ?"
                    + " returning code").params(to, id).query(String.class).single();
            transitions.timeline(id, now, "system", "TRANSFERRED", null, null, from + " → " + to);
            events.publishEvent(new DossierTransferred(code, from, to, "AGENCY_MERGED", now));
        }
        log.info("moved {} open dossiers of merged agency {} to {}", ids.size(), from, to);
        return ids.size();
    }

    private String inForce(String code) {
        String current = code;
        Set<String> seen = new HashSet<>();
        while (seen.add(current)) {
            Optional<Agency> agency = agencies.find(current);
            if (agency.isEmpty() || agency.get().successorCode() == null || agency.get().validTo() == null
                    || agency.get().validTo().isAfter(today())) {
                return current;
            }
            current = agency.get().successorCode();
        }
        return current;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), VietnamTime.ZONE);
    }
}
