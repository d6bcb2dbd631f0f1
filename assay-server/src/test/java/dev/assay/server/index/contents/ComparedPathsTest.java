package dev.assay.server.index.contents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.assay.packaging.archive.ArchiveEntry;
import dev.assay.packaging.archive.EntryKind;
import dev.assay.server.index.DistributionFile;

/** Which paths two releases' listings compare: dist-info folders by normalized name, unreadable files left out. */
class ComparedPathsTest {

    @Test
    void distInfoAndDataFoldersAreNamedByTheNormalizedNameWithoutVersion() {
        String filename = "Deprecated-1.2.18-py2.py3-none-any.whl";
        LogicalPaths paths = LogicalPaths.of(filename, List.of(new ArchiveEntry("deprecated/__init__.py",
                EntryKind.FILE, 1, "")));
        assertThat(paths.logical("Deprecated-1.2.18.dist-info/METADATA"))
                .isEqualTo("wheel/py2.py3-none-any/deprecated.dist-info/METADATA");
        assertThat(paths.logical("Zope.Interface_Extra-5.0.data/purelib/x.py"))
                .isEqualTo("wheel/py2.py3-none-any/zope_interface_extra.data/purelib/x.py");
        assertThat(paths.logical("Deprecated/__init__.py")).as("only the metadata and data folders")
                .isEqualTo("wheel/py2.py3-none-any/Deprecated/__init__.py");
    }

    @Test
    void anUnreadableFilesKindIsLeftOutOnBothSides() {
        DistributionContents oldWheel = listing("demo-1.0-py3-none-any.whl", "wheel/py3-none-any", "demo/a.py");
        DistributionContents oldSdist = listing("demo-1.0.tar.gz", "sdist", "demo/a.py");
        DistributionContents newSdist = listing("demo-1.1.tar.gz", "sdist", "demo/b.py");
        DistributionContents refused = new DistributionContents(file("demo-1.1-py3-none-any.whl"), "wheel/py3-none-any",
                List.of(), Optional.of("Refusing archive demo-1.1-py3-none-any.whl: zip bomb"));

        ComparedPaths compared = ComparedPaths.of(List.of(oldSdist, oldWheel), List.of(newSdist, refused));

        assertThat(compared.before()).containsOnlyKeys("sdist/demo/a.py");
        assertThat(compared.after()).containsOnlyKeys("sdist/demo/b.py");
        assertThat(compared.unreadable()).containsExactly(refused);
    }

    private static DistributionContents listing(String filename, String root, String path) {
        ContentEntry entry = new ContentEntry(root + "/" + path, path, ContentKind.TEXT, 1, "0".repeat(64), "");
        return new DistributionContents(file(filename), root, List.of(entry), Optional.empty());
    }

    private static DistributionFile file(String filename) {
        return new DistributionFile(1, 1, filename, "bdist_wheel", "py3", Optional.empty(), 0, "0".repeat(64), "", "",
                Optional.empty(), Instant.EPOCH, Optional.empty());
    }
}
