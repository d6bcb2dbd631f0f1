package dev.assay.server.index.contents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The entries two releases' listings compare, by logical path (folders left out; the first file of a shared root
 * wins, as for the file pages), without the roots of files that cannot be read: a wheel whose archive is refused
 * has no entries, and comparing it would show every path of the other release's wheel removed or added.
 *
 * @param before     the older release's entries
 * @param after      the newer release's entries
 * @param unreadable the files of either release that could not be read, whose roots are left out
 */
public record ComparedPaths(Map<String, ContentEntry> before, Map<String, ContentEntry> after,
        List<DistributionContents> unreadable) {

    /** The entries of {@code older} and {@code newer} that can be compared. */
    public static ComparedPaths of(List<DistributionContents> older, List<DistributionContents> newer) {
        List<DistributionContents> unreadable = Stream.concat(older.stream(), newer.stream())
                .filter(file -> file.problem().isPresent()).toList();
        Set<String> roots = unreadable.stream().map(DistributionContents::root).collect(Collectors.toSet());
        return new ComparedPaths(byPath(older, roots), byPath(newer, roots), unreadable);
    }

    private static Map<String, ContentEntry> byPath(List<DistributionContents> files, Set<String> leftOut) {
        Map<String, ContentEntry> entries = new LinkedHashMap<>();
        files.stream().filter(file -> !leftOut.contains(file.root()))
                .forEach(file -> file.leaves().forEach(entry -> entries.putIfAbsent(entry.path(), entry)));
        return entries;
    }
}
