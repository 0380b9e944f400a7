package vn.dvc.dossier;

import java.time.Instant;

import vn.dvc.catalogue.Channel;

/** A dossier was submitted (status 1): for statistics, the national portal sync and reception queues. */
public record DossierSubmitted(String dossierCode, String agencyCode, String procedureCode, long procedureVersionId,
        Channel channel, Instant submittedAt) {
}
