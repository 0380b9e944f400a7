package vn.dvc.processing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.dvc.dossier.Dossier;
import vn.dvc.identity.Officers;
import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.Agency;
import vn.dvc.shared.FormPdf;
import vn.dvc.shared.VietnamTime;

/**
 * Form 05 of Circular 01/2018, the process control sheet (phiếu kiểm soát quá trình giải quyết hồ sơ), drawn
 * from the recorded steps: one row per hand-over (reception to the first step, each forward, sending back and
 * reassignment, and the approved result back to the reception desk) with its time, giver, receiver, and the
 * giver's step early / on time / late against its due time.
 */
@Component
class ProcessControlSheet {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /** A row of the sheet. */
    record HandOver(String from, String to, Instant at, String giver, String receiver, String result, String note) {
    }

    private final Processing processing;
    private final Officers officers;
    private final Agencies agencies;
    private final MessageSource messages;
    private final Clock clock;

    ProcessControlSheet(Processing processing, Officers officers, Agencies agencies, MessageSource messages,
            Clock clock) {
        this.processing = processing;
        this.officers = officers;
        this.agencies = agencies;
        this.messages = messages;
        this.clock = clock;
    }

    /** The hand-overs of a dossier, in order. */
    List<HandOver> handOvers(Dossier dossier) {
        List<DossierStep> steps = processing.steps(dossier.id());
        List<HandOver> rows = new ArrayList<>();
        Instant now = clock.instant();
        String desk = text("processing.form05.desk");
        for (int i = 0; i < steps.size(); i++) {
            DossierStep s = steps.get(i);
            DossierStep before = i == 0 ? null : steps.get(i - 1);
            String from = before == null ? desk : before.name();
            String result = before == null ? text("processing.form05.received")
                    : text("processing.timeliness." + before.timeliness(now).name());
            String note = before == null ? "" : outcomeNote(before);
            rows.add(new HandOver(from, s.name(), s.startedAt(), name(s.startedBy()),
                    s.assignee() == null ? text("processing.form05.pool." + s.role().name()) : name(s.assignee()),
                    result, note));
        }
        if (!steps.isEmpty()) {
            DossierStep last = steps.get(steps.size() - 1);
            // The dossier leaves the steps for the desk: approved (the result), or stopped (the notice of it).
            if (last.outcome() == DossierStep.Outcome.APPROVED || last.outcome() == DossierStep.Outcome.STOPPED) {
                rows.add(new HandOver(last.name(), desk, last.endedAt(), name(last.endedBy()),
                        text("processing.form05.desk-receiver"), text("processing.timeliness."
                                + last.timeliness(now).name()), outcomeNote(last)));
            }
        }
        return rows;
    }

    byte[] pdf(Dossier dossier) {
        Agency agency = agencies.find(dossier.agencyCode()).orElse(null);
        String agencyName = agency == null ? dossier.agencyCode() : agency.name();
        ZonedDateTime today = clock.instant().atZone(VietnamTime.ZONE);
        try (FormPdf pdf = new FormPdf(text("processing.form05.title"), FormPdf.a5Landscape())) {
            float half = pdf.width() / 2;
            pdf.centred(0, half, agencyName.toUpperCase(VIETNAMESE), 7, true);
            pdf.centred(half, half, text("processing.form05.nation"), 7, true);
            pdf.down(7);
            pdf.centred(0, half, text("processing.form05.desk").toUpperCase(VIETNAMESE), 7, false);
            pdf.centred(half, half, text("processing.form05.motto"), 7, true);
            pdf.down(7);
            pdf.centred(half, half, text("processing.form05.place-date", String.format("%02d", today.getDayOfMonth()),
                    String.format("%02d", today.getMonthValue()), String.valueOf(today.getYear())), 7, false);
            pdf.down(7);
            pdf.space(6);
            pdf.centred(0, pdf.width(), text("processing.form05.title"), 10, true);
            pdf.down(10);
            pdf.centred(0, pdf.width(), text("processing.form05.dossier-code", dossier.code()), 9, true);
            pdf.down(9);
            pdf.space(4);
            pdf.paragraph(0, text("processing.form05.procedure", dossier.procedureName()), 7.5f, false);
            pdf.paragraph(0, text("processing.form05.agency", agencyName), 7.5f, false);
            if (dossier.receivedAt() != null) {
                pdf.paragraph(0, text("processing.form05.received-at", time(dossier.receivedAt())), 7.5f, false);
            }
            if (dossier.dueAt() != null) {
                pdf.paragraph(0, text("processing.form05.due-at", time(dossier.dueAt())), 7.5f, false);
            }
            pdf.space(4);
            float w = pdf.width();
            float[] columns = {18, 112, 72, 78, 78, 60, w - 18 - 112 - 72 - 78 - 78 - 60};
            float size = 6.5f;
            pdf.row(columns, List.of(text("processing.form05.col.no"), text("processing.form05.col.step"),
                    text("processing.form05.col.time"), text("processing.form05.col.giver"),
                    text("processing.form05.col.receiver"), text("processing.form05.col.result"),
                    text("processing.form05.col.note")), size, true);
            int no = 1;
            for (HandOver h : handOvers(dossier)) {
                ZonedDateTime at = h.at().atZone(VietnamTime.ZONE);
                pdf.row(columns, List.of(String.valueOf(no++),
                        text("processing.form05.give", h.from()) + "\n" + text("processing.form05.take", h.to()),
                        text("processing.form05.hour", String.format("%02d", at.getHour()),
                                String.format("%02d", at.getMinute())) + "\n"
                                + text("processing.form05.day", String.format("%02d", at.getDayOfMonth()),
                                        String.format("%02d", at.getMonthValue()), String.valueOf(at.getYear())),
                        h.giver(), h.receiver(), h.result(), h.note()), size, false);
            }
            if (dossier.finishedAt() != null && dossier.dueAt() != null) {
                pdf.space(4);
                pdf.paragraph(0, text("processing.form05.outcome", text("processing.timeliness."
                        + dossierTimeliness(dossier).name())), 7.5f, true);
            }
            return pdf.bytes();
        }
    }

    /** The dossier against its due date, on Vietnam days as the statistics count it. */
    static DossierStep.Timeliness dossierTimeliness(Dossier d) {
        var finished = d.finishedAt().atZone(VietnamTime.ZONE).toLocalDate();
        var due = d.dueAt().atZone(VietnamTime.ZONE).toLocalDate();
        return finished.isBefore(due) ? DossierStep.Timeliness.EARLY
                : finished.isEqual(due) ? DossierStep.Timeliness.ON_TIME : DossierStep.Timeliness.LATE;
    }

    private String outcomeNote(DossierStep step) {
        if (step.outcome() == null) {
            return "";
        }
        String label = text("processing.outcome." + step.outcome().name());
        return step.note() == null ? label : label + ": " + step.note();
    }

    private String name(String username) {
        if (username == null) {
            return "";
        }
        return officers.find(username).map(Officers.Officer::fullName).filter(n -> !n.isBlank()).orElse(username);
    }

    private String time(Instant instant) {
        ZonedDateTime at = instant.atZone(VietnamTime.ZONE);
        return text("processing.form05.hour", String.format("%02d", at.getHour()), String.format("%02d", at.getMinute()))
                + ", " + text("processing.form05.day", String.format("%02d", at.getDayOfMonth()),
                        String.format("%02d", at.getMonthValue()), String.valueOf(at.getYear()));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, VIETNAMESE);
    }
}
