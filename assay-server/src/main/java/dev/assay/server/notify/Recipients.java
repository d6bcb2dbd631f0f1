package dev.assay.server.notify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.User;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;

/**
 * Who may hear of a project's discussions: people who may read the project under the one visibility rule (a
 * private or held project's discussions never reach someone who would get its 404).
 */
@Component
class Recipients {

    private final AccountService accounts;
    private final ProjectService projects;

    Recipients(AccountService accounts, ProjectService projects) {
        this.accounts = accounts;
        this.projects = projects;
    }

    /** The users among these ids who exist and may read the project, in the order given, each once. */
    Map<Long, User> readersAmong(long projectId, Set<Long> userIds) {
        Map<Long, User> readers = new LinkedHashMap<>();
        Optional<Project> project = projects.find(projectId);
        if (project.isEmpty()) {
            return readers;
        }
        for (long id : userIds) {
            accounts.user(id)
                    .filter(user -> projects.mayRead(Optional.of(new Caller(user, Optional.empty())), project.get()))
                    .ifPresent(user -> readers.put(id, user));
        }
        return readers;
    }
}
