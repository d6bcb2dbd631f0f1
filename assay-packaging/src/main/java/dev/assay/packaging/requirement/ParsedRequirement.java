package dev.assay.packaging.requirement;

import dev.assay.packaging.name.ProjectName;
import java.util.SortedSet;

/** The pieces of a requirement as the grammar finds them, before the version specifier is interpreted. */
record ParsedRequirement(ProjectName name, SortedSet<String> extras, String specifier, String url, Marker marker) {
}
