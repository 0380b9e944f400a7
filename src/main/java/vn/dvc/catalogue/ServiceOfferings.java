package vn.dvc.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.dvc.catalogue.OnlineCapability.Offering;
import vn.dvc.shared.ProblemException.FieldProblem;

/**
 * What a service really offers online (submission, payment, electronic result, result by post), and
 * the level-4 integrity rule: a procedure is published as level 4 or full online only when online
 * submission, online payment (when the online channel has a fee) and electronic results are set up
 * for every agency that receives it (RULES.md §1).
 */
@Component
public class ServiceOfferings {

    /** Whether an offering is there, missing, or not needed (online payment without a fee). */
    public enum Availability { YES, NO, NOT_NEEDED }

    /** What the catalogue shows for a procedure. */
    public record Offerings(boolean onlineSubmission, Availability onlinePayment, Availability electronicResult,
            boolean postalResult) {
    }

    private final List<OnlineCapability> capabilities;

    ServiceOfferings(List<OnlineCapability> capabilities) {
        this.capabilities = capabilities;
    }

    /** The offerings of a procedure at its receiving agencies (all of them must have it). */
    public Offerings of(ProcedureContent content) {
        boolean online = channel(content, Channel.ONLINE) != null;
        Set<String> agencies = receivingAgencies(content);
        Availability payment = !online ? Availability.NO
                : !hasFee(channel(content, Channel.ONLINE)) ? Availability.NOT_NEEDED
                : configured(Offering.ONLINE_PAYMENT, agencies) ? Availability.YES : Availability.NO;
        Availability result = online && configured(Offering.ELECTRONIC_RESULT, agencies)
                ? Availability.YES : Availability.NO;
        return new Offerings(online, payment, result, channel(content, Channel.POSTAL) != null);
    }

    /** The problems that keep a procedure from being published at its level (none below level 4). */
    List<FieldProblem> problems(ProcedureContent content) {
        List<FieldProblem> problems = new ArrayList<>();
        boolean fullOnline = content.serviceLevel() == ServiceLevel.LEVEL_4 || content.onlineMode() == OnlineMode.FULL;
        if (!fullOnline || channel(content, Channel.ONLINE) == null) {
            return problems; // no online channel: the channel rules already say so
        }
        Offerings offerings = of(content);
        if (offerings.onlinePayment() == Availability.NO) {
            problems.add(new FieldProblem("serviceLevel", "catalogue.error.level4-payment"));
        }
        if (offerings.electronicResult() == Availability.NO) {
            problems.add(new FieldProblem("serviceLevel", "catalogue.error.level4-result"));
        }
        return problems;
    }

    private boolean configured(Offering offering, Set<String> agencies) {
        List<OnlineCapability> providers = capabilities.stream().filter(c -> c.offering() == offering).toList();
        return !providers.isEmpty() && agencies.stream()
                .allMatch(agency -> providers.stream().anyMatch(p -> p.configuredFor(agency)));
    }

    /** The lead agency and every named implementing agency; {@code null} stands for "by level". */
    private static Set<String> receivingAgencies(ProcedureContent content) {
        Set<String> agencies = new LinkedHashSet<>();
        if (content.leadAgencyCode() != null) {
            agencies.add(content.leadAgencyCode());
        }
        for (Implementation implementation : content.implementations()) {
            agencies.add(implementation.agencyCode());
        }
        if (agencies.isEmpty()) {
            agencies.add(null);
        }
        return agencies;
    }

    private static ChannelTerms channel(ProcedureContent content, Channel channel) {
        return content.channels().stream().filter(t -> t.channel() == channel).findFirst().orElse(null);
    }

    private static boolean hasFee(ChannelTerms terms) {
        return terms.fees() != null && terms.fees().stream().anyMatch(f -> f.amountVnd() > 0);
    }
}
