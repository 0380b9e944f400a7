package vn.dvc.ranking;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.dvc.ranking.YearlyRanking.RankingReport;

/** The yearly ranking of agencies, public. */
@RestController
@Tag(name = "Xếp hạng", description = "Xếp hạng cơ quan hằng năm và chỉ số phục vụ theo Quyết định 766/QĐ-TTg (public)")
class RankingApi {

    private final YearlyRanking ranking;

    RankingApi(YearlyRanking ranking) {
        this.ranking = ranking;
    }

    @GetMapping("/api/v1/ranking/{year}")
    @Operation(summary = "The ranking of agencies for a year",
            description = "score = 100 × Σ weight × part/whole ÷ Σ weight over the components with figures "
                    + "(deployment: live / approved services of the year's published plan; onTime: (early + on time) "
                    + "/ resolved; online: received online / total received; onlinePayment: paid online / resolved "
                    + "with a fee; satisfaction: (satisfied + very satisfied) / ratings). serviceIndex: the parts of "
                    + "the Decision 766/QĐ-TTg index = points × ratio; disclosure and digitisation are not computed.")
    RankingReport year(@PathVariable int year) {
        return ranking.ranking(year);
    }

    @ApiResponse(responseCode = "200", description = "tệp CSV", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/api/v1/ranking/{year}.csv")
    @Operation(summary = "The ranking of a year as CSV (UTF-8 with BOM)")
    void csv(@PathVariable int year, HttpServletResponse response) throws IOException {
        RankingReport report = ranking.ranking(year);
        download(response, "text/csv;charset=UTF-8", "xep-hang-" + year + ".csv");
        RankingExport.csv(report, response.getOutputStream());
    }

    @ApiResponse(responseCode = "200", description = "tệp XLSX", content = @Content(
            mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/api/v1/ranking/{year}.xlsx")
    @Operation(summary = "The ranking of a year as an Excel workbook")
    void xlsx(@PathVariable int year, HttpServletResponse response) throws IOException {
        RankingReport report = ranking.ranking(year);
        download(response, RankingExport.XLSX_TYPE, "xep-hang-" + year + ".xlsx");
        RankingExport.xlsx(report, response.getOutputStream());
    }

    private static void download(HttpServletResponse response, String type, String name) {
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
    }
}
