package dev.assay.server.index.contents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A folder of a distribution file's listing, for a collapsible tree: its files and links, and its subfolders,
 * each sorted by name. Folders are implied by the paths (archives need not list them).
 *
 * @param name    the last segment ({@code sdist} or {@code wheel/py3-none-any} for the root)
 * @param path    the logical path of the folder
 * @param files   the files and links directly inside it
 * @param folders its subfolders
 */
public record ContentsFolder(String name, String path, List<ContentEntry> files, List<ContentsFolder> folders) {

    /** The tree of these leaves (files and links), all under {@code root}. */
    static ContentsFolder of(String root, List<ContentEntry> leaves) {
        return build(root, root, leaves);
    }

    private static ContentsFolder build(String name, String path, List<ContentEntry> leaves) {
        List<ContentEntry> files = new ArrayList<>();
        Map<String, List<ContentEntry>> below = new TreeMap<>();
        for (ContentEntry leaf : leaves) {
            String rest = leaf.path().substring(path.length() + 1);
            int slash = rest.indexOf('/');
            if (slash < 0) {
                files.add(leaf);
            } else {
                below.computeIfAbsent(rest.substring(0, slash), folder -> new ArrayList<>()).add(leaf);
            }
        }
        List<ContentsFolder> folders = new ArrayList<>();
        below.forEach((folder, inside) -> folders.add(build(folder, path + "/" + folder, inside)));
        return new ContentsFolder(name, path, List.copyOf(files), List.copyOf(folders));
    }

    /** How many files and links the folder holds, at any depth. */
    public int count() {
        return files.size() + folders.stream().mapToInt(ContentsFolder::count).sum();
    }

    /** The bytes of the files the folder holds, at any depth. */
    public long size() {
        return files.stream().mapToLong(ContentEntry::size).sum()
                + folders.stream().mapToLong(ContentsFolder::size).sum();
    }
}
