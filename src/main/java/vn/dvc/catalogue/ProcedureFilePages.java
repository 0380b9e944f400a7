package vn.dvc.catalogue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import vn.dvc.identity.CurrentUser;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.VietnamTime;

/**
 * The administration pages for procedure files: upload an import and follow it, download an export.
 * Access to /admin is limited to administrators by the security configuration; what each may change
 * is checked row by row by the import.
 */
@Controller
class ProcedureFilePages {

    static final String ACCEPTED = ".csv,.xlsx,.json,text/csv,application/json,"
            + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ProcedureImport imports;
    private final ProcedureExport export;
    private final Procedures procedures;
    private final CurrentUser user;
    private final Clock clock;

    ProcedureFilePages(ProcedureImport imports, ProcedureExport export, Procedures procedures, CurrentUser user,
            Clock clock) {
        this.imports = imports;
        this.export = export;
        this.procedures = procedures;
        this.user = user;
        this.clock = clock;
    }

    @GetMapping("/admin/procedures/import")
    String form(Model model) {
        model.addAttribute("accepted", ACCEPTED);
        model.addAttribute("fields", procedures.fields());
        return "catalogue/import";
    }

    @PostMapping("/admin/procedures/import")
    String upload(@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response)
            throws IOException {
        try {
            UUID id = imports.start(fileName(file), file == null ? null : file.getBytes(), user.scope(), user.actor());
            return "redirect:/admin/procedures/import/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("refusal", e);
            return form(model);
        }
    }

    @GetMapping("/admin/procedures/import/{id}")
    String status(@PathVariable UUID id, Model model) {
        model.addAttribute("report", imports.report(id, user.scope(), user.actor())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "catalogue/import-status";
    }

    /** The whole current catalogue, or the part the search filters select, as a file in the import shape. */
    @GetMapping("/admin/procedures/export")
    void export(@RequestParam(defaultValue = "csv") String format, @RequestParam(required = false) String q,
            @RequestParam(required = false) String agency, @RequestParam(required = false) String level,
            @RequestParam(required = false) String field, @RequestParam(required = false) String serviceLevel,
            @RequestParam(required = false) String onlineMode, HttpServletResponse response) throws IOException {
        FileFormat fileFormat;
        try {
            fileFormat = FileFormat.valueOf(format.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        ProcedureQuery query;
        try {
            query = CatalogueQueries.parse(q, agency, level, field, serviceLevel, onlineMode, null, null);
        } catch (InvalidInputException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        String name = "thu-tuc-hanh-chinh-" + LocalDate.now(clock.withZone(VietnamTime.ZONE)) + "."
                + fileFormat.extension();
        response.setContentType(fileFormat.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        export.write(fileFormat, query, response.getOutputStream());
    }

    /** The name as the browser gave it, without any folder (some browsers send the full path). */
    static String fileName(MultipartFile file) {
        String name = file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
