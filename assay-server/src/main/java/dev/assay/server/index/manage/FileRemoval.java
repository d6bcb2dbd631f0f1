package dev.assay.server.index.manage;

import java.io.IOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.assay.server.index.DistributionStore;

/**
 * Removes deleted distribution files and their metadata files from the store once the deletion has
 * committed: before that the rows may still come back, and a served row must never lack its file.
 */
@Component
class FileRemoval {

    private static final Logger LOG = LoggerFactory.getLogger(FileRemoval.class);

    private final DistributionStore store;

    FileRemoval(DistributionStore store) {
        this.store = store;
    }

    /** Schedules the removal of these files of the project for after the current transaction commits. */
    void afterCommit(String normalizedProject, List<String> filenames) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                filenames.forEach(filename -> {
                    remove(normalizedProject, filename);
                    remove(normalizedProject, filename + ".metadata");
                });
            }
        });
    }

    private void remove(String normalizedProject, String filename) {
        try {
            store.remove(normalizedProject, filename);
        } catch (IOException | RuntimeException failure) {
            // the rows are gone and the name can never be reused, so a leftover file is unreachable, only wasted space
            LOG.warn("could not remove deleted distribution file {}/{}", normalizedProject, filename, failure);
        }
    }
}
