package dev.assay.server.pipeline.triggers;

import org.eclipse.jgit.lib.Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import dev.assay.server.git.push.PushEvent;
import dev.assay.server.git.push.PushEventListener;

/**
 * Queues a pipeline for each branch a push created or moved, and each change request revision announced under
 * {@code refs/changes/}: trigger {@code push}, the new commit and the ref.
 * Deleted branches have nothing to test, and tags are left out: a tag names a commit its branch's push already
 * tested, and a release is tested when its files are uploaded. An event delivered again queues nothing new.
 */
@Component
class PushPipelines implements PushEventListener {

    /** Revisions of change requests pushed to refs/for/, which no branch's push tested. */
    private static final String CHANGES = "refs/changes/";
    private static final Logger LOG = LoggerFactory.getLogger(PushPipelines.class);

    private final CommitPipelines pipelines;

    PushPipelines(CommitPipelines pipelines) {
        this.pipelines = pipelines;
    }

    @Override
    public void onPush(PushEvent event) {
        if (event.deleted() || !(event.refName().startsWith(Constants.R_HEADS)
                || event.refName().startsWith(CHANGES))) {
            return;
        }
        try {
            long id = pipelines.queueForPush(event.projectId(), event.id(), event.newId(), event.refName(),
                    event.userName());
            LOG.debug("push event {} of {} {}: pipeline {}", event.id(), event.project(), event.refName(), id);
        } catch (DuplicateKeyException concurrent) {
            // a second delivery of the same event ran at the same time and queued it: the event is handled
            LOG.debug("push event {} was queued by a concurrent delivery", event.id());
        }
    }
}
