package dev.assay.server.notify;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;


import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.accounts.User;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.review.Discussion;
import dev.assay.server.review.DiscussionKind;
import dev.assay.server.review.DiscussionRepository;
import dev.assay.server.testing.TestServer;

/**
 * Arranges people, projects and discussions in a running server, and publishes {@link Notice}s the way the review
 * and comment features do: through Spring's event publisher, inside a transaction.
 */
record NoticeFixture(TestServer server) {

    static final String PASSWORD = "correct horse";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    static String unique(String stem) {
        return stem + SEQUENCE.incrementAndGet();
    }

    User user(String stem) {
        String name = unique(stem);
        return server.bean(AccountService.class).create(new NewUser(name, name + "@example.org", "", PASSWORD, Set.of()));
    }

    Project project(User owner) {
        return server.bean(ProjectService.class).create(caller(owner), unique("proj"));
    }

    Project privateProject(User owner) {
        Project project = project(owner);
        return server.bean(ProjectService.class).changeVisibility(caller(owner), project.name(), "private");
    }

    Discussion discussion(Project project, User author) {
        return server.bean(DiscussionRepository.class).insert(DiscussionKind.PACKAGE_REVIEW, project.id(),
                "New package " + project.name(), author.id(), java.time.Instant.now());
    }

    void publish(Notice notice) {
        server.bean(NoticeSource.class).publish(notice);
    }

    /** Publishes the notice, then fails the action that published it. */
    void publishAndRollBack(Notice notice) {
        server.bean(NoticeSource.class).publishAndRollBack(notice);
    }

    static Notice notice(NoticeKind kind, Discussion discussion, User actor, Set<Long> direct, String headline,
            String excerpt) {
        return new Notice(kind, discussion.id(), discussion.projectId(), actor.id(), direct, headline,
                discussion.path() + "#c1", excerpt);
    }

    static Caller caller(User user) {
        return new Caller(user, Optional.empty());
    }
}
