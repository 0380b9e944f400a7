package vn.dvc.catalogue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import vn.dvc.organisation.Agencies;
import vn.dvc.organisation.Agency;
import vn.dvc.organisation.AgencyLevel;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.PageResult;

/** The public catalogue pages: home with search, search results, a procedure's page, form downloads. */
@Controller
class CataloguePages {

    private final Procedures procedures;
    private final Agencies agencies;
    private final FormTemplates templates;
    private final ServiceOfferings offerings;

    CataloguePages(Procedures procedures, Agencies agencies, FormTemplates templates, ServiceOfferings offerings) {
        this.offerings = offerings;
        this.procedures = procedures;
        this.agencies = agencies;
        this.templates = templates;
    }

    @GetMapping("/")
    String home(Model model) {
        Map<Integer, Long> counts = procedures.countByServiceLevel();
        model.addAttribute("levelCounts", counts);
        model.addAttribute("total", counts.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("fields", procedures.fields());
        return "catalogue/home";
    }

    @GetMapping("/procedures")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String agency,
            @RequestParam(required = false) String level, @RequestParam(required = false) String field,
            @RequestParam(required = false) String serviceLevel, @RequestParam(required = false) String onlineMode,
            @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("agency", agency);
        model.addAttribute("level", level);
        model.addAttribute("field", field);
        model.addAttribute("serviceLevel", serviceLevel);
        model.addAttribute("onlineMode", onlineMode);
        model.addAttribute("fields", procedures.fields());
        model.addAttribute("agencyGroups", agencyGroups());
        try {
            ProcedureQuery query = CatalogueQueries.parse(q, agency, level, field, serviceLevel, onlineMode, page, null);
            PageResult<ProcedureSummary> result = procedures.search(query);
            model.addAttribute("result", result);
            model.addAttribute("agencyNames", agencyNames(result.items()));
        } catch (InvalidInputException e) {
            model.addAttribute("result", new PageResult<ProcedureSummary>(List.of(), 0, 0, PageResult.DEFAULT_SIZE));
            model.addAttribute("invalidFilter", true);
        }
        model.addAttribute("pageBase", pageBase(q, agency, level, field, serviceLevel, onlineMode));
        return "catalogue/search";
    }

    @GetMapping("/procedures/{code}")
    String procedure(@PathVariable String code, Model model) {
        Procedure procedure = procedures.find(code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("p", CatalogueApi.toDetail(procedure, agencies, offerings));
        return "catalogue/procedure";
    }

    @GetMapping("/forms/{id}")
    ResponseEntity<byte[]> form(@PathVariable long id) {
        FormTemplates.FormTemplate form = templates.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(form.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(form.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .eTag("\"" + form.sha256() + "\"")
                .body(form.content());
    }

    private Map<AgencyLevel, List<Agency>> agencyGroups() {
        Map<AgencyLevel, List<Agency>> groups = new LinkedHashMap<>();
        for (AgencyLevel level : AgencyLevel.values()) {
            groups.put(level, agencies.active(level));
        }
        return groups;
    }

    private Map<String, String> agencyNames(List<ProcedureSummary> items) {
        Map<String, String> names = new java.util.HashMap<>();
        items.stream().map(ProcedureSummary::agencyCode).filter(java.util.Objects::nonNull).distinct()
                .forEach(code -> agencies.find(code).ifPresent(a -> names.put(code, a.name())));
        return names;
    }

    /** The search address without the page, ending so that {@code page=N} can be appended. */
    private static String pageBase(String... values) {
        String[] names = {"q", "agency", "level", "field", "serviceLevel", "onlineMode"};
        StringBuilder url = new StringBuilder("/procedures?");
        for (int i = 0; i < names.length; i++) {
            if (CatalogueQueries.present(values[i])) {
                url.append(names[i]).append('=').append(URLEncoder.encode(values[i], StandardCharsets.UTF_8)).append('&');
            }
        }
        return url.toString();
    }
}
