package vn.dvc.payment;

import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.dvc.catalogue.Channel;
import vn.dvc.catalogue.ChannelTerms;
import vn.dvc.catalogue.Fee;
import vn.dvc.catalogue.Procedure;
import vn.dvc.catalogue.Procedures;
import vn.dvc.dossier.Dossier;
import vn.dvc.shared.VietnameseText;

/**
 * The fee a dossier owes, from the catalogue: the fees of its procedure version for its channel (the ONLINE
 * channel's when its own channel states none).
 * <ul>
 * <li><b>Fixed amounts</b>: every fee of the channel is owed; the total is their sum.</li>
 * <li><b>Fee schedule</b>: when the channel lists several fees and the dossier's e-form answers carry the
 * choice field ({@code payment.fee-choice-field}, default {@code feeItem}, a top-level SELECT or RADIO field the
 * agency administrator adds to the e-form), the answer selects ONE fee: by its number in the list (1, 2, …) or
 * by its description (compared without case and diacritics). An answer that names no fee leaves the fee
 * undetermined: nothing can be paid online until an officer requests the amount (status 6).</li>
 * </ul>
 */
@Service
public class DossierFees {

    /** One item paid: what it is for and its amount. */
    public record FeeItem(String description, long amountVnd) {
    }

    /**
     * The fee of a dossier. {@code items} empty and {@code undetermined} false: there is no fee.
     *
     * @param schedule whether the items were chosen from a schedule by the e-form's choice
     * @param legalBasis the procedure version's legal basis (why the fee is owed), may be null
     */
    public record Assessment(List<FeeItem> items, boolean schedule, boolean undetermined, String legalBasis) {

        public long totalVnd() {
            return items.stream().mapToLong(FeeItem::amountVnd).sum();
        }
    }

    private final Procedures procedures;
    private final JsonMapper json;
    private final String choiceField;

    DossierFees(Procedures procedures, JsonMapper json,
            @Value("${payment.fee-choice-field:feeItem}") String choiceField) {
        this.procedures = procedures;
        this.json = json;
        this.choiceField = choiceField;
    }

    /** The fee the dossier owes under its procedure version, channel and e-form choice. */
    public Assessment of(Dossier dossier) {
        Optional<Procedure> procedure = procedures.findVersion(dossier.procedureVersionId());
        String legalBasis = procedure.map(p -> p.content().legalBasis()).orElse(null);
        List<Fee> fees = procedure.flatMap(p -> p.terms(dossier.channel()).filter(ChannelTerms::feesKnown)
                .or(() -> p.terms(Channel.ONLINE).filter(ChannelTerms::feesKnown)))
                .map(ChannelTerms::fees).orElse(List.of())
                .stream().filter(f -> f.amountVnd() > 0).toList();
        if (fees.isEmpty()) {
            return new Assessment(List.of(), false, false, legalBasis);
        }
        String choice = choice(dossier.formJson());
        if (fees.size() < 2 || choice == null) {
            return new Assessment(fees.stream().map(DossierFees::item).toList(), false, false, legalBasis);
        }
        return chosen(fees, choice).map(f -> new Assessment(List.of(item(f)), true, false, legalBasis))
                .orElseGet(() -> new Assessment(List.of(), true, true, legalBasis));
    }

    /** The fee a schedule's choice names: by its number (1-based) or its description. */
    static Optional<Fee> chosen(List<Fee> fees, String choice) {
        String value = choice.strip();
        if (value.matches("\\d{1,3}")) {
            int number = Integer.parseInt(value);
            return number >= 1 && number <= fees.size() ? Optional.of(fees.get(number - 1)) : Optional.empty();
        }
        String folded = VietnameseText.fold(value);
        return fees.stream().filter(f -> f.description() != null && VietnameseText.fold(f.description()).equals(folded))
                .findFirst();
    }

    private String choice(String formJson) {
        if (formJson == null || formJson.isBlank()) {
            return null;
        }
        JsonNode answer = json.readTree(formJson).get(choiceField);
        if (answer == null || !answer.isValueNode() || answer.asString().isBlank()) {
            return null;
        }
        return answer.asString();
    }

    private static FeeItem item(Fee fee) {
        return new FeeItem(fee.description() == null || fee.description().isBlank() ? "Lệ phí" : fee.description(),
                fee.amountVnd());
    }
}
