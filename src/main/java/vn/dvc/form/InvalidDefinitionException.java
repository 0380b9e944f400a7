package vn.dvc.form;

import java.util.List;

import vn.dvc.shared.InvalidInputException;
import vn.dvc.shared.ProblemException;

/** A form definition breaks the editor's rules; nothing was saved. */
class InvalidDefinitionException extends InvalidInputException {

    private final transient List<DefinitionRules.Problem> problems;
    private final transient FormDefinition definition;

    /** @param definition the definition refused, whose labels say where the problems are; may be null */
    InvalidDefinitionException(List<DefinitionRules.Problem> problems, FormDefinition definition) {
        super(problems.stream().map(p -> new ProblemException.FieldProblem(p.path(), p.messageKey(), p.args()))
                .toList());
        this.problems = List.copyOf(problems);
        this.definition = definition;
    }

    List<DefinitionRules.Problem> problems() {
        return problems;
    }

    FormDefinition definition() {
        return definition;
    }
}
