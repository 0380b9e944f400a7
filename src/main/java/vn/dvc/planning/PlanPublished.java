package vn.dvc.planning;

import java.time.Instant;

/** A year's plan was made public with this many approved services. */
public record PlanPublished(int year, int approvedServices, Instant publishedAt) {
}
