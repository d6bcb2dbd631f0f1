package dev.assay.server.review.change;

import java.util.Optional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.index.Project;

/** A section of the change request page, rendered under its header: a Spring bean names its template fragment and model. */
public interface ChangePageSection {

    /** The template holding a {@code section(model)} fragment, e.g. {@code review/change/gate}. */
    String template();

    /** The model handed to the section's fragment for this change request and caller. */
    Object model(Optional<Caller> caller, ChangeRequest changeRequest, Project project);

    /** Where it goes among the sections, lowest first. */
    default int order() {
        return 0;
    }
}
