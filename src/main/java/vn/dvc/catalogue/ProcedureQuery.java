package vn.dvc.catalogue;

import vn.dvc.organisation.AgencyLevel;

/**
 * A catalogue search. {@code text} ignores case and Vietnamese diacritics; every other filter is
 * optional (null means any).
 */
public record ProcedureQuery(String text, String agencyCode, AgencyLevel level, String field,
        Integer serviceLevel, OnlineMode onlineMode, int page, int size) {
}
