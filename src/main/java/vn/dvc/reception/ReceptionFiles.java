package vn.dvc.reception;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import vn.dvc.document.DocumentResponses;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.Dossiers;
import vn.dvc.identity.AccountPrincipal;
import vn.dvc.identity.CurrentUser;
import vn.dvc.identity.Role;
import vn.dvc.shared.NotFoundException;

/**
 * Files of a dossier for the people entitled to them: its documents and its receipt (form 01) for the officers
 * of the receiving agency, the receipt for the applicant who owns it. Anyone else gets "not found".
 */
@Controller
class ReceptionFiles {

    private final Reception reception;
    private final ReceptionForms forms;
    private final Dossiers dossiers;
    private final DocumentResponses responses;
    private final CurrentUser currentUser;

    ReceptionFiles(Reception reception, ReceptionForms forms, Dossiers dossiers, DocumentResponses responses,
            CurrentUser currentUser) {
        this.reception = reception;
        this.forms = forms;
        this.dossiers = dossiers;
        this.responses = responses;
        this.currentUser = currentUser;
    }

    @GetMapping("/reception/dossiers/{code}/documents/{id}")
    ResponseEntity<StreamingResponseBody> document(@PathVariable String code, @PathVariable long id) {
        Dossier d = reception.find(code, principal());
        return dossiers.documents(d.id()).stream().filter(doc -> doc.id() == id).findFirst()
                .map(doc -> responses.preview(doc.documentId()))
                .orElseThrow(() -> new NotFoundException("dossier.not-found", code));
    }

    @GetMapping("/reception/dossiers/{code}/receipt.pdf")
    ResponseEntity<byte[]> officerReceipt(@PathVariable String code) {
        return pdf(reception.find(code, principal()));
    }

    @GetMapping("/dossiers/{code}/receipt.pdf")
    ResponseEntity<byte[]> applicantReceipt(@PathVariable String code) {
        AccountPrincipal applicant = principal();
        if (!applicant.has(Role.APPLICANT)) {
            throw new AccessDeniedException("not an applicant");
        }
        return pdf(dossiers.findOwned(code, applicant.id())
                .orElseThrow(() -> new NotFoundException("dossier.not-found", code)));
    }

    @GetMapping("/reception/dossiers/{code}/refusal.pdf")
    ResponseEntity<byte[]> officerRefusal(@PathVariable String code) {
        Dossier d = reception.find(code, principal());
        return pdf(forms.refusal(d), "phieu-tu-choi-" + d.code());
    }

    @GetMapping("/dossiers/{code}/refusal.pdf")
    ResponseEntity<byte[]> applicantRefusal(@PathVariable String code) {
        Dossier d = owned(code);
        return pdf(forms.refusal(d), "phieu-tu-choi-" + d.code());
    }

    @GetMapping("/reception/dossiers/{code}/supplements/{id}/request.pdf")
    ResponseEntity<byte[]> officerSupplementRequest(@PathVariable String code, @PathVariable long id) {
        Dossier d = reception.find(code, principal());
        return pdf(forms.supplementRequest(d, id), "phieu-yeu-cau-bo-sung-" + d.code());
    }

    @GetMapping("/dossiers/{code}/supplements/{id}/request.pdf")
    ResponseEntity<byte[]> applicantSupplementRequest(@PathVariable String code, @PathVariable long id) {
        Dossier d = owned(code);
        return pdf(forms.supplementRequest(d, id), "phieu-yeu-cau-bo-sung-" + d.code());
    }

    private Dossier owned(String code) {
        AccountPrincipal applicant = principal();
        if (!applicant.has(Role.APPLICANT)) {
            throw new AccessDeniedException("not an applicant");
        }
        return dossiers.findOwned(code, applicant.id())
                .orElseThrow(() -> new NotFoundException("dossier.not-found", code));
    }

    private ResponseEntity<byte[]> pdf(Dossier d) {
        return pdf(forms.receipt(d), "giay-tiep-nhan-" + d.code());
    }

    private ResponseEntity<byte[]> pdf(byte[] bytes, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(name + ".pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(bytes);
    }

    private AccountPrincipal principal() {
        return currentUser.principal().orElseThrow(() -> new AccessDeniedException("anonymous"));
    }
}
