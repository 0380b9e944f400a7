package vn.dvc.catalogue;

import java.time.Instant;
import java.util.Optional;

/**
 * One version of a procedure as stored. A dossier refers to {@link #versionId()}, which never changes
 * meaning: editing a procedure adds a version instead of changing this one.
 */
public record Procedure(long versionId, int versionNo, boolean current, ProcedureContent content, Instant createdAt,
        String createdBy, String changeNote) {

    public String code() {
        return content.code();
    }

    public String name() {
        return content.name();
    }

    public Optional<ChannelTerms> terms(Channel channel) {
        return content.channels().stream().filter(t -> t.channel() == channel).findFirst();
    }
}
