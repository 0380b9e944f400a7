package vn.dvc.reception;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.dvc.catalogue.Channel;
import vn.dvc.catalogue.DossierComponent;
import vn.dvc.catalogue.Procedure;
import vn.dvc.catalogue.Procedures;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.Dossiers;
import vn.dvc.identity.AccountContacts;
import vn.dvc.identity.ApplicantProfile;
import vn.dvc.identity.Applicants;
import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.Agency;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.VietnamTime;

/**
 * The forms of Circular 01/2018 as PDF, in Vietnamese: form 01, the receipt and appointment slip (giấy tiếp
 * nhận hồ sơ và hẹn trả kết quả), with everything RULES.md §2 lists for it.
 */
@Component
public class ReceptionForms {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final Reception reception;
    private final Dossiers dossiers;
    private final Procedures procedures;
    private final Applicants applicants;
    private final AccountContacts contacts;
    private final Agencies agencies;
    private final MessageSource messages;

    ReceptionForms(Reception reception, Dossiers dossiers, Procedures procedures, Applicants applicants,
            AccountContacts contacts, Agencies agencies, MessageSource messages) {
        this.reception = reception;
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.applicants = applicants;
        this.contacts = contacts;
        this.agencies = agencies;
        this.messages = messages;
    }

    /** Form 01 of a received dossier; a dossier not (yet) received has none. */
    public byte[] receipt(Dossier dossier) {
        Reception.Receipt receipt = reception.receipt(dossier.id())
                .orElseThrow(() -> new NotFoundException("reception.receipt.not-found", dossier.code()));
        Agency agency = agencies.find(dossier.agencyCode()).orElse(null);
        String agencyName = agency == null ? dossier.agencyCode() : agency.name();
        ApplicantProfile profile = applicants.profile(dossier.applicantId()).orElse(null);
        String name = profile != null ? profile.fullName() : contacts.fullName(dossier.applicantId()).orElse("");
        Procedure procedure = procedures.findVersion(dossier.procedureVersionId()).orElse(null);
        ZonedDateTime received = receipt.receivedAt().atZone(VietnamTime.ZONE);
        ZonedDateTime due = receipt.dueAt().atZone(VietnamTime.ZONE);

        try (FormPdf pdf = new FormPdf(text("reception.form01.title"))) {
            float half = pdf.width() / 2;
            pdf.centred(0, half, agencyName.toUpperCase(VIETNAMESE), 7, true);
            pdf.centred(half, half, text("reception.form.nation"), 7, true);
            pdf.down(7);
            pdf.centred(0, half, text("reception.form.desk"), 7, false);
            pdf.centred(half, half, text("reception.form.motto"), 7, true);
            pdf.down(7);
            pdf.centred(0, half, text("reception.form01.number", String.valueOf(receipt.number()), String.valueOf(receipt.year())), 7, false);
            pdf.centred(half, half, text("reception.form.place-date", String.format("%02d", received.getDayOfMonth()),
                    String.format("%02d", received.getMonthValue()), String.valueOf(received.getYear())), 7, false);
            pdf.down(7);
            pdf.space(8);
            pdf.centred(0, pdf.width(), text("reception.form01.title"), 10, true);
            pdf.down(10);
            pdf.centred(0, pdf.width(), text("reception.form.dossier-code", dossier.code()), 9, true);
            pdf.down(9);
            pdf.space(4);
            float s = 8;
            pdf.paragraph(0, text("reception.form01.desk-of", agencyName), s, false);
            pdf.paragraph(0, text("reception.form01.applicant", name), s, false);
            if (dossier.onBehalf()) {
                pdf.paragraph(0, text("reception.form01.on-behalf-of", dossier.representation().representedName()),
                        s, false);
            }
            pdf.paragraph(0, text("reception.form01.address", value(profile == null ? null : profile.address())), s,
                    false);
            pdf.paragraph(0, text("reception.form01.phone-email", value(profile == null ? null : profile.phone()),
                    value(profile == null ? null : profile.email())), s, false);
            pdf.paragraph(0, text("reception.form01.request", dossier.procedureName()), s, false);
            pdf.paragraph(0, text("reception.form01.components"), s, true);
            float[] columns = {22, pdf.width() - 22 - 90 - 50, 90, 50};
            pdf.row(columns, List.of(text("reception.form.col.no"), text("reception.form.col.name"),
                    text("reception.form.col.kind"), text("reception.form.col.quantity")), 7, true);
            int no = 1;
            for (String[] line : components(dossier, procedure)) {
                pdf.row(columns, List.of(String.valueOf(no++), line[0], line[1], line[2]), 7, false);
            }
            pdf.space(4);
            pdf.paragraph(0, text("reception.form01.sets"), s, false);
            pdf.paragraph(0, text("reception.form01.legal-time", legalTime(dossier, procedure)), s, false);
            pdf.paragraph(0, text("reception.form01.received-at", time(received)), s, false);
            pdf.paragraph(0, text("reception.form01.due-at", time(due)), s, false);
            pdf.paragraph(0, text("reception.form01.collect-at." + (dossier.channel() == Channel.ONLINE ? "online"
                    : "desk"), agencyName, agency == null || agency.address() == null || agency.address().isBlank() ? ""
                    : ", " + agency.address()),
                    s, false);
            pdf.paragraph(0, text("reception.form01.book", String.valueOf(receipt.year()), String.valueOf(receipt.number())), s, false);
            pdf.space(8);
            pdf.centred(0, half, text("reception.form.submitter"), 8, true);
            pdf.centred(half, half, text("reception.form.officer"), 8, true);
            pdf.down(8);
            pdf.centred(0, half, text("reception.form.sign"), 7, false);
            pdf.centred(half, half, text("reception.form.sign"), 7, false);
            pdf.down(7);
            pdf.space(30);
            pdf.centred(0, half, dossier.channel() == Channel.ONLINE ? text("reception.form.submitted-online") : name,
                    8, false);
            pdf.centred(half, half, receipt.officerName(), 8, false);
            pdf.down(8);
            return pdf.bytes();
        }
    }

    /** Name, original/copy and quantity of each component of the dossier's case. */
    private List<String[]> components(Dossier dossier, Procedure procedure) {
        List<String[]> lines = new ArrayList<>();
        Map<Integer, Long> attached = dossiers.documents(dossier.id()).stream()
                .filter(d -> "ATTACHMENT".equals(d.kind()) && d.componentIndex() != null)
                .collect(Collectors.groupingBy(Dossiers.DossierDocument::componentIndex, Collectors.counting()));
        List<DossierComponent> components = procedure == null || procedure.content().components().isEmpty()
                ? List.of()
                : procedure.content().components()
                        .get(Math.min(dossier.caseIndex(), procedure.content().components().size() - 1)).components();
        for (int i = 0; i < components.size(); i++) {
            DossierComponent c = components.get(i);
            long quantity = dossier.channel() == Channel.ONLINE ? attached.getOrDefault(i, 0L) : c.originals() + c.copies();
            if (quantity == 0 && !c.required()) {
                continue;
            }
            String kind = c.originals() > 0 && c.copies() > 0 ? text("reception.form.original-and-copy")
                    : c.copies() > 0 ? text("reception.form.copy") : text("reception.form.original");
            lines.add(new String[] {c.name(), kind, String.valueOf(quantity)});
        }
        return lines;
    }

    private String legalTime(Dossier dossier, Procedure procedure) {
        return procedure == null ? "" : procedure.terms(dossier.channel())
                .filter(t -> t.processingTime() != null && t.timeUnit() != null)
                .map(t -> text("reception.form.time-unit." + t.timeUnit().name(),
                        t.processingTime().stripTrailingZeros().toPlainString()))
                .orElse("");
    }

    private String time(ZonedDateTime at) {
        return text("reception.form.time", String.format("%02d", at.getHour()), String.format("%02d", at.getMinute()),
                String.format("%02d", at.getDayOfMonth()), String.format("%02d", at.getMonthValue()),
                String.valueOf(at.getYear()));
    }

    private static String value(String s) {
        return s == null || s.isBlank() ? "…" : s;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, VIETNAMESE);
    }
}
