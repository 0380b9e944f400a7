package vn.dvc.reception;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvc.catalogue.Channel;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.DossierSubmission;
import vn.dvc.dossier.DossierSubmission.CounterSubmission;
import vn.dvc.dossier.DossierSubmission.Upload;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.CounterApplicants;
import vn.dvc.identity.Role;

/**
 * A reception officer registers a dossier for someone at the counter (channel DIRECT) or from the post
 * (POSTAL): finds or creates the applicant's account, a citizen's or an organisation's (ADR 0016), registers the dossier with the e-form
 * answers and the scanned documents under a code of the officer's agency, and optionally receives it at once,
 * all in one transaction: a refusal anywhere leaves no account, dossier or file behind.
 */
@Service
public class CounterRegistration {

    /** What the officer registers; {@code receive} receives the dossier in the same action. */
    public record Registration(CounterApplicants.Applicant applicant, String procedureCode, Channel channel, int caseIndex,
            String formJson, boolean receive, String idempotencyKey) {
    }

    /** The dossier, whether the applicant's account was created now, and whether it was a repeated request. */
    public record Registered(Dossier dossier, boolean accountCreated, boolean repeated) {
    }

    private final CounterApplicants applicants;
    private final DossierSubmission submission;
    private final Reception reception;

    CounterRegistration(CounterApplicants applicants, DossierSubmission submission, Reception reception) {
        this.applicants = applicants;
        this.submission = submission;
        this.reception = reception;
    }

    @Transactional
    public Registered register(AccountPrincipal officer, Registration registration, List<Upload> uploads) {
        String agency = Reception.officerAgency(officer);
        if (!officer.has(Role.RECEPTION_OFFICER)) {
            throw new AccessDeniedException("only reception officers register dossiers");
        }
        CounterApplicants.Found applicant = applicants.findOrCreate(registration.applicant(), officer.getUsername());
        DossierSubmission.Submitted submitted = submission.registerAtCounter(new CounterSubmission(
                applicant.accountId(), officer.getUsername(), registration.procedureCode(), agency,
                registration.channel(), registration.caseIndex(), registration.formJson(),
                registration.idempotencyKey()), uploads);
        Dossier dossier = submitted.dossier();
        if (registration.receive() && !submitted.repeated()) {
            dossier = reception.receive(dossier.code(), officer);
        }
        return new Registered(dossier, applicant.created(), submitted.repeated());
    }
}
