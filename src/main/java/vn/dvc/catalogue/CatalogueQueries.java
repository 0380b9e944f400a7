package vn.dvc.catalogue;

import java.util.List;
import java.util.Locale;

import vn.dvc.organisation.AgencyLevel;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.PageResult;
import vn.dvc.shared.ProblemException.FieldProblem;

/** Reads catalogue search parameters as given in a URL, refusing what cannot be understood. */
final class CatalogueQueries {

    private CatalogueQueries() {
    }

    static ProcedureQuery parse(String q, String agency, String level, String field, String serviceLevel,
            String onlineMode, Integer page, Integer size) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        AgencyLevel agencyLevel = null;
        if (present(level)) {
            try {
                agencyLevel = AgencyLevel.valueOf(level.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("level", "catalogue.error.level-param"));
            }
        }
        Integer service = null;
        if (present(serviceLevel)) {
            try {
                service = Integer.valueOf(serviceLevel.strip());
                if (service < 1 || service > 4) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("serviceLevel", "catalogue.error.service-level-param"));
            }
        }
        OnlineMode mode = null;
        if (present(onlineMode)) {
            try {
                mode = OnlineMode.valueOf(onlineMode.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("onlineMode", "catalogue.error.online-mode-param"));
            }
        }
        if ((page != null && page < 0) || (size != null && (size < 1 || size > PageResult.MAX_SIZE))) {
            problems.add(new FieldProblem("page", "catalogue.error.page-param", PageResult.MAX_SIZE));
        }
        if (present(q) && q.length() > 200) {
            problems.add(new FieldProblem("q", "validation.too-long", 200));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ProcedureQuery(present(q) ? q.strip() : null, present(agency) ? agency.strip() : null, agencyLevel,
                present(field) ? field.strip() : null, service, mode, PageResult.clampPage(page),
                PageResult.clampSize(size));
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
