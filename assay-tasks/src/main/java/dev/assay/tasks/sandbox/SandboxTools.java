package dev.assay.tasks.sandbox;

import java.nio.file.Path;

/** The host programs the bubblewrap sandbox uses, and whether to drop from root to nobody first. */
record SandboxTools(Path bwrap, Path unshare, boolean dropToNobody) {

    static SandboxTools debian(boolean runningAsRoot) {
        return new SandboxTools(Path.of("/usr/bin/bwrap"), Path.of("/usr/bin/unshare"), runningAsRoot);
    }
}
