package dev.assay.server.notify;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.review.Discussion;
import dev.assay.server.review.DiscussionRepository;

/**
 * Watching a project (told of every discussion on it) or one discussion; only what the caller may read can be
 * watched, and what they may not read is the 404 of a missing one.
 */
@Service
public class WatchService {

    private final WatchRepository watchers;
    private final ProjectService projects;
    private final DiscussionRepository discussions;
    private final Clock clock;

    WatchService(WatchRepository watchers, ProjectService projects, DiscussionRepository discussions, Clock clock) {
        this.watchers = watchers;
        this.projects = projects;
        this.discussions = discussions;
        this.clock = clock;
    }

    /** Starts or stops watching the project named so; returns whether the caller now watches it. */
    @Transactional
    public boolean watchProject(Caller caller, String name, boolean watch) {
        Project project = projects.readable(Optional.of(caller), name);
        if (watch) {
            watchers.watchProject(project.id(), caller.user().id(), clock.instant());
        } else {
            watchers.unwatchProject(project.id(), caller.user().id());
        }
        return watch;
    }

    /** Starts or stops watching discussion #n; returns whether the caller now watches it. */
    @Transactional
    public boolean watchDiscussion(Caller caller, long number, boolean watch) {
        Discussion discussion = readableDiscussion(caller, number);
        if (watch) {
            watchers.watchDiscussion(discussion.id(), caller.user().id(), clock.instant());
        } else {
            watchers.unwatchDiscussion(discussion.id(), caller.user().id());
        }
        return watch;
    }

    /** Whether the caller watches the project named so (false for anyone signed out). */
    public boolean watchesProject(Optional<Caller> caller, Project project) {
        return caller.isPresent() && watchers.watchesProject(project.id(), caller.get().user().id());
    }

    /** Whether the caller watches discussion #n (false for anyone signed out). */
    public boolean watchesDiscussion(Optional<Caller> caller, long number) {
        return caller.isPresent() && watchers.watchesDiscussion(number, caller.get().user().id());
    }

    /** What the caller watches: projects, then discussions. */
    public List<Watched> watchedBy(Caller caller) {
        return watchers.watchedBy(caller.user().id());
    }

    private Discussion readableDiscussion(Caller caller, long number) {
        return discussions.find(number)
                .filter(found -> projects.find(found.projectId())
                        .filter(project -> projects.mayRead(Optional.of(caller), project)).isPresent())
                .orElseThrow(() -> new NotFoundException("there is no review or change request #" + number));
    }
}
