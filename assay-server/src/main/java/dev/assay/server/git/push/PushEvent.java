package dev.assay.server.git.push;

import java.time.Instant;

import org.eclipse.jgit.lib.ObjectId;

/**
 * One ref a push changed: who pushed, the full ref name, the commit before and after (40 zeros when the
 * ref was created or deleted). The refs one push changed share a {@code pushId}.
 */
public record PushEvent(long id, String pushId, long projectId, String project, String userName, String refName,
        String oldId, String newId, Instant pushedAt) {

    private static final String ZERO = ObjectId.zeroId().name();

    /** Whether the push created the ref. */
    public boolean created() {
        return ZERO.equals(oldId);
    }

    /** Whether the push deleted the ref. */
    public boolean deleted() {
        return ZERO.equals(newId);
    }
}
