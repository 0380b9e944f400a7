package vn.dvc.organisation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.NotFoundException;

/** The public agency list of CONTRACT.md: who implements procedures, at which level, under whom. */
@RestController
@RequestMapping("/api/v1/agencies")
@Tag(name = "Cơ quan", description = "Các cơ quan, đơn vị của tỉnh ở ba cấp (public)")
class AgencyApi {

    private final Agencies agencies;
    private final Clock clock;

    AgencyApi(Agencies agencies, Clock clock) {
        this.agencies = agencies;
        this.clock = clock;
    }

    /** One line of the public list; the shape CONTRACT.md promises. */
    public record AgencySummary(String code, String name, AgencyLevel level, String parentCode) {
    }

    /** One agency with its contacts, effective dates and every name it has had. */
    public record AgencyDetail(String code, String name, String shortName, AgencyLevel level, String parentCode,
            String address, String phone, String email, String website, LocalDate validFrom, LocalDate validTo,
            String successorCode, boolean demo, List<AgencyName> names) {
    }

    @GetMapping
    @Operation(summary = "Agencies in force on a day (today by default), with the names they had then")
    List<AgencySummary> list(
            @Parameter(description = "PROVINCIAL, DISTRICT or COMMUNE") @RequestParam(required = false) String level,
            @Parameter(description = "code of the parent agency") @RequestParam(required = false) String parent,
            @Parameter(description = "ISO date, e.g. 2024-12-31") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        return agencies.activeOn(day, level(level), parent).stream()
                .map(a -> new AgencySummary(a.code(), a.name(), a.level(), a.parentCode())).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One agency with contacts, effective dates, successor and name history")
    AgencyDetail detail(@PathVariable String code) {
        Agency a = agencies.find(code).orElseThrow(() -> new NotFoundException("organisation.agency.not-found", code));
        return new AgencyDetail(a.code(), a.name(), a.shortName(), a.level(), a.parentCode(), a.address(), a.phone(),
                a.email(), a.website(), a.validFrom(), a.validTo(), a.successorCode(), a.demo(),
                agencies.names(code));
    }

    static AgencyLevel level(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AgencyLevel.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("organisation.validation.level", value);
        }
    }
}
