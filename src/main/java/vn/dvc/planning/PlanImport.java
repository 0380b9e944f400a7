package vn.dvc.planning;

import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvc.organisation.Agencies;
import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.ProblemException.FieldProblem;

/**
 * Imports a plan document as written, all or nothing: the whole file is read and checked first, and
 * only a file without a single problem is stored (replacing an earlier import of the same reference).
 * Figures that do not add up are not problems of the file: they are kept, and the checks report them.
 */
@Service
public class PlanImport {

    private final PlanDocuments documents;
    private final Plans plans;
    private final Agencies agencies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PlanImport(PlanDocuments documents, Plans plans, Agencies agencies, ApplicationEventPublisher events,
            Clock clock) {
        this.documents = documents;
        this.plans = plans;
        this.agencies = agencies;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Reads and stores the file; the caller has checked the role (coordinator).
     *
     * @throws InvalidInputException listing every problem of the file by row and column; nothing is saved
     */
    @Transactional
    public PlanDocument importFile(String fileName, byte[] content, String actor) {
        PlanFile.Result result = PlanFile.read(fileName, content, code -> agencies.find(code).isPresent());
        if (!result.ok()) {
            throw new InvalidInputException(problems(result.problems()));
        }
        PlanDocumentContent document = result.content();
        documents.replace(document, fileName, actor, clock.instant());
        for (int year = document.firstYear(); year <= document.lastYear(); year++) {
            plans.audit(year, "DOCUMENT_IMPORTED", null, null, document.reference() + " (" + fileName + ")", actor,
                    clock.instant());
        }
        events.publishEvent(new PlanDocumentImported(document.reference(), document.firstYear(), document.lastYear()));
        return documents.find(document.reference()).orElseThrow();
    }

    /** Each problem as a field of the problem answer: {@code rows[7].new_builds}, or {@code file}. */
    static List<FieldProblem> problems(List<PlanFile.Problem> problems) {
        return problems.stream().map(p -> new FieldProblem(
                p.row() == 0 ? "file" : "rows[" + p.row() + "]" + (p.column().isEmpty() ? "" : "." + p.column()),
                p.messageKey(), p.args())).toList();
    }
}
