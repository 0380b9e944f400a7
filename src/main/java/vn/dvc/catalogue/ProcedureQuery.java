package vn.dvc.catalogue;

import vn.dvc.identity.AgencyScope;
import vn.dvc.organisation.AgencyLevel;

/**
 * A catalogue search. {@code text} ignores case and Vietnamese diacritics; every other filter is
 * optional (null means any). {@code manageableBy}, when given, keeps only the procedures whose lead
 * agency is in that scope (administration lists).
 */
public record ProcedureQuery(String text, String agencyCode, AgencyLevel level, String field,
        Integer serviceLevel, OnlineMode onlineMode, int page, int size, AgencyScope manageableBy) {

    public ProcedureQuery(String text, String agencyCode, AgencyLevel level, String field, Integer serviceLevel,
            OnlineMode onlineMode, int page, int size) {
        this(text, agencyCode, level, field, serviceLevel, onlineMode, page, size, null);
    }

    public ProcedureQuery manageableBy(AgencyScope scope) {
        return new ProcedureQuery(text, agencyCode, level, field, serviceLevel, onlineMode, page, size, scope);
    }
}
