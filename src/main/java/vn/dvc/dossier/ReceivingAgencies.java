package vn.dvc.dossier;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.dvc.catalogue.Implementation;
import vn.dvc.catalogue.Procedure;
import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.Agency;

/**
 * Which agencies may receive a procedure's dossiers: those its implementations name, every agency in
 * force at a level the implementations give without a name (a commune procedure is received by any
 * commune), or else its lead agency.
 */
@Component
public class ReceivingAgencies {

    private final Agencies agencies;

    ReceivingAgencies(Agencies agencies) {
        this.agencies = agencies;
    }

    List<Agency> of(Procedure procedure) {
        Map<String, Agency> found = new LinkedHashMap<>();
        // The named agencies in one statement (a procedure received by many communes names each of them).
        Map<String, Agency> named = agencies.findAll(procedure.content().implementations().stream()
                .map(Implementation::agencyCode).filter(java.util.Objects::nonNull).distinct().toList());
        for (Implementation implementation : procedure.content().implementations()) {
            if (implementation.agencyCode() != null) {
                Agency agency = named.get(implementation.agencyCode());
                if (agency != null && agency.validTo() == null) {
                    found.put(agency.code(), agency);
                }
            } else if (implementation.level() != null) {
                agencies.active(implementation.level()).forEach(a -> found.put(a.code(), a));
            }
        }
        if (found.isEmpty() && procedure.content().leadAgencyCode() != null) {
            agencies.find(procedure.content().leadAgencyCode()).ifPresent(a -> found.put(a.code(), a));
        }
        return new ArrayList<>(found.values());
    }

    /**
     * The receiving agencies as the applicant chooses among them: when they belong to several parents
     * (the communes of every district), under their parent's name, since commune names repeat across
     * districts (two "Xã Ia O"); by name within a group.
     */
    List<Group> grouped(Procedure procedure) {
        List<Agency> all = of(procedure);
        Map<String, List<Agency>> byParent = new LinkedHashMap<>();
        for (Agency agency : all) {
            byParent.computeIfAbsent(agency.parentCode() == null ? "" : agency.parentCode(), p -> new ArrayList<>())
                    .add(agency);
        }
        if (byParent.size() < 2) {
            return List.of(new Group(null, all));
        }
        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
        Map<String, Agency> parents = agencies.findAll(byParent.keySet().stream().filter(p -> !p.isEmpty()).toList());
        List<Group> groups = new ArrayList<>();
        byParent.forEach((parent, members) -> {
            members.sort(Comparator.comparing(Agency::name, vietnamese));
            Agency known = parents.get(parent);
            groups.add(new Group(parent.isEmpty() ? null : known == null ? parent : known.shortName(), members));
        });
        groups.sort(Comparator.comparing(g -> g.label() == null ? "" : g.label(), vietnamese));
        return groups;
    }

    /** Agencies offered together; {@code label} is null for those offered without a heading. */
    record Group(String label, List<Agency> agencies) {
    }

    /** Whether the agency receives the procedure's dossiers (the rule of online and counter submission). */
    public boolean allows(Procedure procedure, String agencyCode) {
        return of(procedure).stream().anyMatch(a -> a.code().equals(agencyCode));
    }
}
