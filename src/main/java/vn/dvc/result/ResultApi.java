package vn.dvc.result;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.dvc.document.DocumentResponses;
import vn.dvc.dossier.Dossier;
import vn.dvc.dossier.Dossiers;
import vn.dvc.result.ResultViews.ResultView;
import vn.dvc.result.ResultViews.SignedDocument;

@RestController
@Tag(name = "Kết quả điện tử", description = "Kết quả giải quyết đã ký số của hồ sơ: người nộp và cán bộ của cơ quan")
class ResultApi {

    private final ElectronicResults results;
    private final ResultAccess access;
    private final ResultViews views;
    private final Dossiers dossiers;
    private final DocumentResponses responses;

    ResultApi(ElectronicResults results, ResultAccess access, ResultViews views, Dossiers dossiers,
            DocumentResponses responses) {
        this.results = results;
        this.access = access;
        this.views = views;
        this.dossiers = dossiers;
        this.responses = responses;
    }

    @GetMapping("/api/v1/dossiers/{code}/results")
    @Operation(summary = "Kết quả điện tử của hồ sơ", description = "Người nộp hồ sơ và cán bộ cơ quan giải quyết; "
            + "người khác: 404.")
    List<ResultView> list(@PathVariable String code) {
        Dossier dossier = access.dossier(code);
        return results.ofDossier(dossier.code()).stream().map(ResultViews::view).toList();
    }

    @GetMapping({"/api/v1/dossiers/{code}/results/{resultCode}.pdf", "/dossiers/{code}/results/{resultCode}.pdf"})
    @Operation(summary = "Tải kết quả điện tử (PDF đã ký số)", description = "Người khác: 404.")
    ResponseEntity<StreamingResponseBody> download(@PathVariable String code, @PathVariable String resultCode) {
        return responses.download(access.result(code, resultCode, results).documentId());
    }

    @GetMapping("/api/v1/dossiers/{code}/signatures")
    @Operation(summary = "Chữ ký số trong các tệp PDF của hồ sơ", description = "Người ký, hiệu lực chứng thư, thời "
            + "điểm ký, chữ ký có bao toàn bộ tệp và tệp có bị sửa sau khi ký; chỉ các tệp PDF có chữ ký.")
    List<SignedDocument> signatures(@PathVariable String code) {
        Dossier dossier = access.dossier(code);
        return views.signed(dossiers.documents(dossier.id()));
    }
}
