package vn.dvc.document;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Test-only: what a dossier controller does after its own access check, so that the headers can be seen
 * through the real filter chain (Spring Security writes its own headers around ours).
 */
@RestController
class PreviewTestController {

    private final DocumentResponses responses;

    PreviewTestController(DocumentResponses responses) {
        this.responses = responses;
    }

    @GetMapping("/test-only/documents/{id}/preview")
    ResponseEntity<StreamingResponseBody> preview(@PathVariable UUID id) {
        return responses.preview(id);
    }

    @GetMapping("/test-only/documents/{id}/download")
    ResponseEntity<StreamingResponseBody> download(@PathVariable UUID id) {
        return responses.download(id);
    }
}
