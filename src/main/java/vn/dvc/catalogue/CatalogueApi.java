package vn.dvc.catalogue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.Agency;
import vn.dvc.organisation.AgencyLevel;
import vn.dvc.shared.NotFoundException;
import vn.dvc.shared.PageResult;

/** The public catalogue API of CONTRACT.md. */
@RestController
@RequestMapping("/api/v1/procedures")
@Tag(name = "Thủ tục hành chính", description = "Danh mục thủ tục hành chính công khai")
class CatalogueApi {

    private final Procedures procedures;
    private final Agencies agencies;

    private final ServiceOfferings offerings;

    CatalogueApi(Procedures procedures, Agencies agencies, ServiceOfferings offerings) {
        this.offerings = offerings;
        this.procedures = procedures;
        this.agencies = agencies;
    }

    record ProcedureItem(String code, String name, String agencyCode, String field, int serviceLevel,
            OnlineMode onlineMode, boolean centrallyProvided) {
    }

    /** {@code totalExact} false: {@code total} is a lower bound (more than that many match). */
    record ProcedurePage(List<ProcedureItem> items, long total, boolean totalExact, int page, int size) {
    }

    @GetMapping
    @Operation(summary = "Tìm thủ tục", description = "q bỏ qua chữ hoa/thường và dấu tiếng Việt; các bộ lọc "
            + "khác là tuỳ chọn; page bắt đầu từ 0, size tối đa 100. total chỉ đếm đến 1.000: khi totalExact là "
            + "false, có hơn total thủ tục khớp; để lấy hết, đọc các trang tiếp theo cho đến khi một trang có ít hơn "
            + "size thủ tục.")
    ProcedurePage search(@RequestParam(required = false) String q,
            @Parameter(description = "mã cơ quan thực hiện") @RequestParam(required = false) String agency,
            @Parameter(description = "PROVINCIAL, DISTRICT hoặc COMMUNE") @RequestParam(required = false) String level,
            @RequestParam(required = false) String field,
            @Parameter(description = "1..4") @RequestParam(required = false) String serviceLevel,
            @Parameter(description = "FULL, PARTIAL hoặc NONE") @RequestParam(required = false) String onlineMode,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        PageResult<ProcedureSummary> result = procedures.search(
                CatalogueQueries.parse(q, agency, level, field, serviceLevel, onlineMode, page, size));
        return new ProcedurePage(result.items().stream().map(s -> new ProcedureItem(s.code(), s.name(), s.agencyCode(),
                s.field(), s.serviceLevel(), s.onlineMode(), s.centrallyProvided())).toList(), result.total(),
                result.totalExact(), result.page(), result.size());
    }

    record AgencyRef(String code, String name, AgencyLevel level) {
    }

    record ImplementationView(AgencyLevel level, String agencyCode, String agencyName) {
    }

    record FeeView(long amountVnd, String description) {
    }

    record ChannelView(Channel channel, int nationalChannelCode, BigDecimal processingTime, TimeUnit timeUnit,
            boolean feesKnown, List<FeeView> fees, String note) {
    }

    record ComponentView(String name, int originals, int copies, boolean required, String templateUrl) {
    }

    record CaseView(String caseName, List<ComponentView> components) {
    }

    record ProcedureDetail(String code, String name, String field, AgencyRef leadAgency,
            List<ImplementationView> implementations, int serviceLevel, OnlineMode onlineMode,
            boolean centrallyProvided, List<ChannelView> channels, List<CaseView> components, String steps,
            String applicants, String results, String legalBasis, String conditions, String sourceUrl,
            String demoNote, long versionId, int versionNo, Instant updatedAt, ServiceOfferings.Offerings offerings) {
    }

    @GetMapping("/{code}")
    @Operation(summary = "Chi tiết thủ tục", description = "Phiên bản hiện hành: thời hạn và phí theo từng kênh, "
            + "thành phần hồ sơ, mẫu đơn, căn cứ pháp lý.")
    ProcedureDetail detail(@PathVariable String code) {
        Procedure procedure = procedures.find(code)
                .orElseThrow(() -> new NotFoundException("catalogue.error.not-found", code));
        return toDetail(procedure, agencies, offerings);
    }

    static ProcedureDetail toDetail(Procedure procedure, Agencies agencies, ServiceOfferings offerings) {
        ProcedureContent c = procedure.content();
        AgencyRef lead = c.leadAgencyCode() == null ? null : agencies.find(c.leadAgencyCode())
                .map(a -> new AgencyRef(a.code(), a.name(), a.level())).orElse(null);
        return new ProcedureDetail(c.code(), c.name(), c.field(), lead,
                c.implementations().stream().map(i -> new ImplementationView(i.level(), i.agencyCode(),
                        i.agencyCode() == null ? null : agencies.find(i.agencyCode()).map(Agency::name).orElse(null)))
                        .toList(),
                c.serviceLevel().number(), c.onlineMode(), c.centrallyProvided(),
                c.channels().stream().map(t -> new ChannelView(t.channel(), t.channel().nationalCode(),
                        t.processingTime(), t.timeUnit(), t.feesKnown(),
                        t.fees() == null ? List.of() : t.fees().stream()
                                .map(f -> new FeeView(f.amountVnd(), f.description())).toList(),
                        t.note())).toList(),
                c.components().stream().map(k -> new CaseView(k.caseName(), k.components().stream()
                        .map(d -> new ComponentView(d.name(), d.originals(), d.copies(), d.required(),
                                d.templateId() == null ? null : "/forms/" + d.templateId()))
                        .toList())).toList(),
                c.steps(), c.applicants(), c.results(), c.legalBasis(), c.conditions(), c.sourceUrl(), c.demoNote(),
                procedure.versionId(), procedure.versionNo(), procedure.createdAt(), offerings.of(c));
    }
}
