package dev.assay.server.git;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.assay.server.background.BackgroundPasses;
import dev.assay.server.git.maintenance.GitMaintenance;
import dev.assay.server.git.protection.BranchProtection;
import dev.assay.server.index.ProjectCreated;
import dev.assay.server.index.ProjectService;

/**
 * Gives every project its repository: a new project inside the transaction that creates it (its default
 * protected branches roll back with it; a repository left on disk by a rollback is reused when the name is
 * created again), and every existing project in the background after the server started, cleaned of interrupted
 * pushes.
 */
@Component
class RepositorySetup {

    private static final Logger LOG = LoggerFactory.getLogger(RepositorySetup.class);

    private final GitRepositories repositories;
    private final BranchProtection protection;

    RepositorySetup(GitRepositories repositories, BranchProtection protection) {
        this.repositories = repositories;
        this.protection = protection;
    }

    @EventListener
    void projectCreated(ProjectCreated created) {
        protection.protectDefaults(created.projectId());
        repositories.create(created.normalizedName());
    }

    /**
     * Creates the repositories of projects that have none (made before git hosting, or lost), and removes
     * what pushes cut short by the last stop left in them; a repository never repacked (made before maintenance,
     * or copied in) gets its first repack in the background.
     */
    @Component
    @ConditionalOnWebApplication
    static class AtStartUp {

        private final GitRepositories repositories;
        private final ProjectService projects;
        private final GitMaintenance maintenance;
        private final BackgroundPasses passes;
        private final Instant started = Instant.now();

        AtStartUp(GitRepositories repositories, ProjectService projects, GitMaintenance maintenance,
                BackgroundPasses passes) {
            this.repositories = repositories;
            this.projects = projects;
            this.maintenance = maintenance;
            this.passes = passes;
        }

        /**
         * In the background once the server is ready: a push, clone or merge opens its repository through
         * {@link GitRepositories#open}, which creates it, and leftovers are only those older than this start.
         */
        @EventListener(ApplicationReadyEvent.class)
        void createMissing() {
            passes.submit("git repositories of every project", this::pass);
        }

        private void pass() {
            var names = projects.allNormalizedNames();
            int done = 0;
            int leftovers = 0;
            for (String name : names) {
                if (passes.stopping()) {
                    return;
                }
                repositories.create(name);
                leftovers += repositories.removeLeftovers(name, started);
                maintenance.scheduleIfNeverRepacked(name);
                if (++done % BackgroundPasses.PROGRESS_EVERY == 0) {
                    LOG.info("git repositories checked for {} of {} project(s)", done, names.size());
                }
            }
            if (leftovers > 0) {
                LOG.warn("removed {} temporary file(s) and lock(s) of pushes cut short by a stop", leftovers);
            }
            LOG.info("git repositories ready for {} project(s)", names.size());
        }
    }
}
