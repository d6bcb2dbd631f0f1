package dev.assay.server.index.create;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.index.ProjectService;

/** Creates empty projects for signed-in users, who become their owners; checks the name first. */
@Service
class ProjectCreation {

    /** The longest name the database keeps. */
    static final int MAX_NAME_LENGTH = 200;

    private final ProjectService projects;

    ProjectCreation(ProjectService projects) {
        this.projects = projects;
    }

    @Transactional
    NewProject create(Caller caller, String name) {
        String typed = name == null ? "" : name.strip();
        if (typed.isEmpty()) {
            throw new InvalidInputException("Missing project name: send {\"name\": \"my-package\"}");
        }
        if (typed.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException("The project name is " + typed.length() + " characters long; the limit is "
                    + MAX_NAME_LENGTH);
        }
        return NewProject.of(projects.create(caller, typed));
    }
}
