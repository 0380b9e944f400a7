package vn.dvc.payment;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvc.catalogue.Channel;
import vn.dvc.catalogue.ChannelTerms;
import vn.dvc.catalogue.Procedures;
import vn.dvc.shared.VietnamTime;

/**
 * The share of dossiers whose fees were paid online, per agency (for the yearly ranking and the Decision
 * 766 index): of the dossiers resolved in a period (finished, not refused or withdrawn), those with a fee
 * (the procedure version's fee for the dossier's channel is above zero, or a payment was made anyway), and
 * of these those with a PAID online payment. A report query: it reads the {@code dossier} table (read only,
 * grouped by agency, procedure version and channel) beside this module's {@code payment}.
 */
@Service
public class OnlinePaymentShares {

    /** One agency's dossiers with a fee, and those paid online. */
    public record Share(String agencyCode, long withFee, long paidOnline) {
    }

    private final JdbcClient jdbc;
    private final Procedures procedures;

    OnlinePaymentShares(JdbcClient jdbc, Procedures procedures) {
        this.jdbc = jdbc;
        this.procedures = procedures;
    }

    /** Per agency with at least one dossier with a fee resolved in the days {@code from}..{@code to}. */
    @Transactional(readOnly = true)
    public Map<String, Share> byAgency(LocalDate from, LocalDate to) {
        record Group(String agency, long version, String channel, long resolved, long paid) {
        }
        List<Group> groups = jdbc.sql("""
                select d.agency_code, d.procedure_version_id, d.channel, count(*),
                       count(*) filter (where exists (select 1 from payment p
                                                       where p.dossier_code = d.code and p.status = 'PAID'))
                  from dossier d
                 where d.finished_at >= ? and d.finished_at < ? and d.status not in (3, 7)
                 group by d.agency_code, d.procedure_version_id, d.channel""")
                .params(start(from), start(to.plusDays(1)))
                .query((rs, n) -> new Group(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5)))
                .list();
        Map<Long, Map<String, Long>> fees = new HashMap<>();
        Map<String, long[]> sums = new HashMap<>();
        for (Group g : groups) {
            long fee = fees.computeIfAbsent(g.version(), v -> new HashMap<>()).computeIfAbsent(g.channel(),
                    c -> fee(g.version(), c));
            long withFee = fee > 0 ? g.resolved() : g.paid();
            if (withFee > 0) {
                long[] sum = sums.computeIfAbsent(g.agency(), k -> new long[2]);
                sum[0] += withFee;
                sum[1] += g.paid();
            }
        }
        Map<String, Share> shares = new HashMap<>();
        sums.forEach((agency, s) -> shares.put(agency, new Share(agency, s[0], s[1])));
        return shares;
    }

    private long fee(long versionId, String channel) {
        Channel c;
        try {
            c = Channel.valueOf(channel);
        } catch (IllegalArgumentException e) {
            return 0;
        }
        Optional<Long> fee = procedures.findVersion(versionId).flatMap(p -> p.terms(c)).map(ChannelTerms::totalFee);
        return fee.orElse(0L);
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(VietnamTime.ZONE).toInstant());
    }
}
