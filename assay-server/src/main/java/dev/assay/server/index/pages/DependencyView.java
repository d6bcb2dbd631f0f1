package dev.assay.server.index.pages;

import java.util.List;

/**
 * One requirement of a release, parsed (PEP 508): the project it names, extras, version specifier or direct URL,
 * environment marker, and whether that project is hosted by this index.
 */
public record DependencyView(String requirement, String name, String normalizedName, List<String> extras,
        String specifier, String url, String marker, boolean hosted) {
}
