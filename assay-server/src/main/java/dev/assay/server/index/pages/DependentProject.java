package dev.assay.server.index.pages;

import java.util.List;

/** A project of this index whose releases require a given project, with those releases' versions. */
public record DependentProject(String name, String normalizedName, List<String> versions) {
}
