package dev.assay.server.review.change;

import java.util.Optional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.index.Project;

/** A part of the {@code /changes/N} page contributed by another feature: its template fragment and its model. */
public interface ChangePageSection {

    /** The template holding the fragment {@code section(model)}, e.g. {@code review/change/gate}. */
    String template();

    /** The model of the fragment for this caller and change request. */
    Object model(Optional<Caller> caller, ChangeRequest changeRequest, Project project);

    /** Where the section goes among the others: lower first. */
    default int order() {
        return 0;
    }
}
