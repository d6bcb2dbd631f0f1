package dev.assay.server.pipeline.triggers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.assay.server.upstream.files.UpstreamFileKept;

/**
 * Vetting by policy: a file newly kept from an upstream set to vet new files gets the pipeline an administrator
 * would start, requested by "policy". Runs once the keeping is committed and never fails the download that kept
 * the file: a failure to queue is logged.
 */
@Component
class MirroredFileVetting {

    /** Who a pipeline started by the upstream's policy is requested by. */
    static final String POLICY = "policy";

    private static final Logger LOG = LoggerFactory.getLogger(MirroredFileVetting.class);

    private final MirroredFilePipelines pipelines;

    MirroredFileVetting(MirroredFilePipelines pipelines) {
        this.pipelines = pipelines;
    }

    // fallbackExecution: the cache records kept files outside transactions, the record is committed already then
    @TransactionalEventListener(fallbackExecution = true)
    void kept(UpstreamFileKept event) {
        if (!event.upstream().vetNewFiles()) {
            return;
        }
        try {
            long id = pipelines.startByPolicy(event.normalizedProject(), event.filename(), event.upstream().url(),
                    POLICY);
            LOG.info("pipeline {} vets {} of {}, newly kept from {}", id, event.filename(), event.normalizedProject(),
                    event.upstream().url());
        } catch (RuntimeException failure) {
            LOG.warn("could not start the pipeline vetting {} of {}, newly kept from {}", event.filename(),
                    event.normalizedProject(), event.upstream().url(), failure);
        }
    }
}
