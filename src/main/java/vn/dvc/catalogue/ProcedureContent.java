package vn.dvc.catalogue;

import java.util.List;

/**
 * Everything a procedure version says, as edited by an administrator or imported: the fields of the
 * national procedure database (RULES.md §6) plus the service level and online mode.
 */
public record ProcedureContent(
        String code,
        String name,
        String field,
        String leadAgencyCode,
        List<Implementation> implementations,
        ServiceLevel serviceLevel,
        OnlineMode onlineMode,
        boolean centrallyProvided,
        List<ChannelTerms> channels,
        List<ComponentCase> components,
        String steps,
        String applicants,
        String results,
        String legalBasis,
        String conditions,
        String sourceUrl,
        String demoNote) {

    public ProcedureContent {
        implementations = implementations == null ? List.of() : List.copyOf(implementations);
        channels = channels == null ? List.of() : List.copyOf(channels);
        components = components == null ? List.of() : List.copyOf(components);
    }

    public ProcedureContent withCode(String newCode) {
        return new ProcedureContent(newCode, name, field, leadAgencyCode, implementations, serviceLevel, onlineMode,
                centrallyProvided, channels, components, steps, applicants, results, legalBasis, conditions,
                sourceUrl, demoNote);
    }

    public ProcedureContent withComponents(List<ComponentCase> newComponents) {
        return new ProcedureContent(code, name, field, leadAgencyCode, implementations, serviceLevel, onlineMode,
                centrallyProvided, channels, newComponents, steps, applicants, results, legalBasis, conditions,
                sourceUrl, demoNote);
    }
}
