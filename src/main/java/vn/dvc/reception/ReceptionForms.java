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
import vn.dvc.dossier.OriginalOrCopy;
import vn.dvc.identity.AccountContacts;
import vn.dvc.identity.ApplicantProfile;
import vn.dvc.identity.Applicants;
import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.Agency;
import vn.dvc.shared.FormPdf;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.VietnamTime;

/**
 * The forms of Circular 01/2018 as PDF, in Vietnamese: form 01, the receipt and appointment slip (giấy tiếp
 * nhận hồ sơ và hẹn trả kết quả), with everything RULES.md §2 lists for it; form 02, the request to supplement;
 * form 03, the refusal.
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
    private final org.springframework.security.core.userdetails.UserDetailsService users;

    ReceptionForms(Reception reception, Dossiers dossiers, Procedures procedures, Applicants applicants,
            AccountContacts contacts, Agencies agencies, MessageSource messages,
            org.springframework.security.core.userdetails.UserDetailsService users) {
        this.users = users;
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
            header(pdf, agencyName, text("reception.form01.number", String.valueOf(receipt.number()),
                    String.valueOf(receipt.year())), received, "reception.form01.title", dossier);
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

    /** Form 02: the request to supplement or correct a dossier (every missing item in one request). */
    public byte[] supplementRequest(Dossier dossier, long supplementId) {
        Dossiers.SupplementRequest request = dossiers.supplements(dossier.id()).stream()
                .filter(r -> r.id() == supplementId).findFirst()
                .orElseThrow(() -> new NotFoundException("dossier.not-found", dossier.code()));
        Agency agency = agencies.find(dossier.agencyCode()).orElse(null);
        String agencyName = agency == null ? dossier.agencyCode() : agency.name();
        ZonedDateTime at = request.requestedAt().atZone(VietnamTime.ZONE);
        String officer = officerName(request.requestedBy());
        try (FormPdf pdf = new FormPdf(text("reception.form02.title"))) {
            float half = pdf.width() / 2;
            // Numbered within the dossier (its 1st, 2nd… request), items 1, 2, 3… within the form.
            header(pdf, agencyName, text("reception.form02.number", String.valueOf(request.number())), at,
                    "reception.form02.title", dossier);
            applicant(pdf, dossier);
            pdf.paragraph(0, text("reception.form02.asked"), 8, true);
            float[] columns = {22, pdf.width() - 22 - 90, 90};
            pdf.row(columns, List.of(text("reception.form.col.no"), text("reception.form.col.item"),
                    text("reception.form.col.paper")), 7, true);
            for (int i = 0; i < request.items().size(); i++) {
                OriginalOrCopy paper = request.formOf(i);
                pdf.row(columns, List.of(String.valueOf(i + 1), request.items().get(i),
                        paper == null ? "—" : text("reception.paper." + paper.name())), 7, false);
            }
            pdf.space(4);
            pdf.paragraph(0, text("reception.form02.reason", request.reason()), 8, false);
            pdf.paragraph(0, text("reception.form02.contact", officer, agencyName,
                    agency == null || agency.phone() == null ? "…" : agency.phone()), 8, false);
            signature(pdf, half, text("reception.form.officer"), officer);
            return pdf.bytes();
        }
    }

    /** Form 03: the refusal of a dossier, with the reason. */
    public byte[] refusal(Dossier dossier) {
        Reception.Refusal refusal = reception.refusal(dossier.id())
                .orElseThrow(() -> new NotFoundException("dossier.not-found", dossier.code()));
        Agency agency = agencies.find(dossier.agencyCode()).orElse(null);
        String agencyName = agency == null ? dossier.agencyCode() : agency.name();
        ZonedDateTime at = refusal.refusedAt().atZone(VietnamTime.ZONE);
        String officer = officerName(refusal.officer());
        try (FormPdf pdf = new FormPdf(text("reception.form03.title"))) {
            float half = pdf.width() / 2;
            header(pdf, agencyName, text("reception.form03.number", dossier.code()), at, "reception.form03.title",
                    dossier);
            applicant(pdf, dossier);
            pdf.paragraph(0, text("reception.form03.body", agencyName), 8, false);
            pdf.paragraph(0, text("reception.form03.reason", refusal.statedReason()), 8, true);
            pdf.paragraph(0, text("reception.form03.sorry"), 8, false);
            signature(pdf, half, text("reception.form.officer"), officer);
            return pdf.bytes();
        }
    }

    private void header(FormPdf pdf, String agencyName, String number, ZonedDateTime at, String titleKey,
            Dossier dossier) {
        float half = pdf.width() / 2;
        pdf.centred(0, half, agencyName.toUpperCase(VIETNAMESE), 7, true);
        pdf.centred(half, half, text("reception.form.nation"), 7, true);
        pdf.down(7);
        pdf.centred(0, half, text("reception.form.desk"), 7, false);
        pdf.centred(half, half, text("reception.form.motto"), 7, true);
        pdf.down(7);
        pdf.centred(0, half, number, 7, false);
        pdf.centred(half, half, text("reception.form.place-date", String.format("%02d", at.getDayOfMonth()),
                String.format("%02d", at.getMonthValue()), String.valueOf(at.getYear())), 7, false);
        pdf.down(7);
        pdf.space(8);
        pdf.centred(0, pdf.width(), text(titleKey), 10, true);
        pdf.down(10);
        pdf.centred(0, pdf.width(), text("reception.form.dossier-code", dossier.code()), 9, true);
        pdf.down(9);
        pdf.space(4);
    }

    private void applicant(FormPdf pdf, Dossier dossier) {
        ApplicantProfile profile = applicants.profile(dossier.applicantId()).orElse(null);
        String name = profile != null ? profile.fullName() : contacts.fullName(dossier.applicantId()).orElse("");
        pdf.paragraph(0, text("reception.form.to", name), 8, false);
        pdf.paragraph(0, text("reception.form01.address", value(profile == null ? null : profile.address())), 8,
                false);
        pdf.paragraph(0, text("reception.form01.phone-email", value(profile == null ? null : profile.phone()),
                value(profile == null ? null : profile.email())), 8, false);
        pdf.paragraph(0, text("reception.form01.request", dossier.procedureName()), 8, false);
    }

    private void signature(FormPdf pdf, float half, String role, String name) {
        pdf.space(8);
        pdf.centred(half, half, role, 8, true);
        pdf.down(8);
        pdf.centred(half, half, text("reception.form.sign"), 7, false);
        pdf.down(7);
        pdf.space(30);
        pdf.centred(half, half, name, 8, false);
        pdf.down(8);
    }

    private String officerName(String username) {
        try {
            return users.loadUserByUsername(username) instanceof vn.dvc.identity.AccountPrincipal p
                    && p.fullName() != null ? p.fullName() : username;
        } catch (org.springframework.security.core.userdetails.UsernameNotFoundException e) {
            return username;
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
