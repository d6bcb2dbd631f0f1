package dev.assay.server.git.browse;

/** One entry of a directory listing. */
public record TreeItem(String name, String path, Kind kind, long size, String submoduleCommit) {

    /** What the entry is; directories sort first. */
    public enum Kind { DIRECTORY, FILE, SYMLINK, SUBMODULE }

    public boolean isDirectory() {
        return kind == Kind.DIRECTORY;
    }

    public boolean isSubmodule() {
        return kind == Kind.SUBMODULE;
    }
}
