package vn.dvc.processing;

import java.time.Instant;
import java.util.List;

/**
 * An agency's internal process: its default ({@code procedureCode} null) or one procedure's, which overrides
 * the default. {@code id} is null for the built-in default of an agency that has not defined its own.
 */
public record ProcessDefinition(Long id, String agencyCode, String procedureCode, List<ProcessStep> steps,
        Instant updatedAt, String updatedBy, int rowVersion) {

    public boolean builtIn() {
        return id == null;
    }

    public boolean isDefault() {
        return procedureCode == null;
    }
}
