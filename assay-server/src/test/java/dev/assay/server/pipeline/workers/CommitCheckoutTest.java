package dev.assay.server.pipeline.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.config.AssayProperties;
import dev.assay.server.git.GitRepositories;

/** Writing a commit's tree into a workspace: only plain files, never outside it. */
class CommitCheckoutTest {

    private static final String PROJECT = "demo";

    @TempDir
    Path data;
    private GitRepositories repositories;
    private CommitCheckout checkout;

    @BeforeEach
    void repository() {
        repositories = new GitRepositories(new AssayProperties(data, false, null));
        checkout = new CommitCheckout(repositories);
    }

    @Test
    void writesFilesAndExecutablesAndLeavesOutLinksAndSubmodules() throws IOException {
        String commit = commit(tree -> {
            TreeFormatter pkg = new TreeFormatter();
            pkg.append("x.py", FileMode.REGULAR_FILE, tree.blob("X = 1\n"));
            ObjectId sub = tree.subtree(pkg);
            TreeFormatter root = new TreeFormatter();
            root.append("link", FileMode.SYMLINK, tree.blob("/etc/passwd"));
            root.append("module", FileMode.GITLINK, ObjectId.fromString("1".repeat(40)));
            root.append("pkg", FileMode.TREE, sub);
            root.append("pyproject.toml", FileMode.REGULAR_FILE, tree.blob("[project]\n"));
            root.append("run.sh", FileMode.EXECUTABLE_FILE, tree.blob("#!/bin/sh\n"));
            return root;
        });
        Path target = data.resolve("work/source");

        CommitCheckout.Checkout written = checkout.export(PROJECT, commit, target);

        assertThat(written.files()).isEqualTo(3);
        assertThat(written.leftOut()).containsExactly("link", "module");
        assertThat(Files.readString(target.resolve("pkg/x.py"))).isEqualTo("X = 1\n");
        assertThat(Files.getPosixFilePermissions(target.resolve("run.sh"))).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(target.resolve("link")).doesNotExist();
        assertThat(target.resolve("module")).doesNotExist();
    }

    @Test
    void refusesATreeNamingAPathOutsideTheWorkspace() throws IOException {
        String commit = commit(tree -> {
            TreeFormatter root = new TreeFormatter();
            root.append("..", FileMode.REGULAR_FILE, tree.blob("escaped\n"));
            return root;
        });
        Path target = data.resolve("work/source");

        assertThatThrownBy(() -> checkout.export(PROJECT, commit, target))
                .isInstanceOf(IOException.class).hasMessageContaining("unsafe path: '..'");
        assertThat(data.resolve("work")).isDirectory();
    }

    @Test
    void refusesAnIdThatIsNotACommitOfTheRepository() {
        assertThatThrownBy(() -> checkout.export(PROJECT, "0".repeat(40), data.resolve("work")))
                .isInstanceOf(IOException.class).hasMessageContaining("is not in the repository of 'demo'");
        assertThatThrownBy(() -> checkout.export(PROJECT, "main", data.resolve("work")))
                .isInstanceOf(IOException.class).hasMessageContaining("not a full commit id");
    }

    /** Builds the tree a test describes, with JGit's inserter, so that it may hold what git itself refuses. */
    private interface TreeSpec {
        TreeFormatter build(Trees trees) throws IOException;
    }

    /** Blobs and subtrees for a {@link TreeSpec}. */
    private record Trees(ObjectInserter inserter) {
        ObjectId blob(String content) throws IOException {
            return inserter.insert(Constants.OBJ_BLOB, content.getBytes(StandardCharsets.UTF_8));
        }

        ObjectId subtree(TreeFormatter tree) throws IOException {
            return inserter.insert(tree);
        }
    }

    private String commit(TreeSpec spec) throws IOException {
        try (Repository repository = repositories.open(PROJECT);
                ObjectInserter inserter = repository.newObjectInserter()) {
            ObjectId tree = inserter.insert(spec.build(new Trees(inserter)));
            CommitBuilder commit = new CommitBuilder();
            PersonIdent someone = new PersonIdent("Test Packager", "packager@example.org");
            commit.setAuthor(someone);
            commit.setCommitter(someone);
            commit.setTreeId(tree);
            commit.setMessage("test tree\n");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id.name();
        }
    }
}
