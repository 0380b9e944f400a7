package vn.dvc.catalogue;

import vn.dvc.organisation.AgencyLevel;

/** Who implements a procedure: one agency, or (agencyCode null) every agency of a level. */
public record Implementation(AgencyLevel level, String agencyCode) {
}
