package vn.dvc.dossier;

import java.time.Instant;

import vn.dvc.catalogue.Channel;

/** A dossier moved from one status to another (the timeline has the details). */
public record DossierStatusChanged(String dossierCode, String agencyCode, String procedureCode, Channel channel,
        DossierStatus from, DossierStatus to, Instant occurredAt) {
}
