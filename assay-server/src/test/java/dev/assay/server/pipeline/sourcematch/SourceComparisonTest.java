package dev.assay.server.pipeline.sourcematch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.assay.server.index.DistributionFile;
import dev.assay.server.index.contents.ContentEntry;
import dev.assay.server.index.contents.ContentKind;
import dev.assay.server.index.contents.DistributionContents;

/** The comparisons of an upload with the tagged tree and with its rebuild, on listings made by hand. */
class SourceComparisonTest {

    private static final Map<String, String> TREE = Map.of("pyproject.toml", "p1", "src/demo/__init__.py", "i1",
            "src/demo/core.py", "c1", "setup.cfg", "s1");

    private static DistributionContents sdist(String sha256, Map<String, String> files) {
        return listing("demo-1.0.tar.gz", "sdist", "sdist", sha256, files);
    }

    private static DistributionContents wheel(String sha256, Map<String, String> files) {
        return listing("demo-1.0-py3-none-any.whl", "bdist_wheel", "wheel/py3-none-any", sha256, files);
    }

    private static DistributionContents listing(String filename, String type, String root, String sha256,
            Map<String, String> files) {
        DistributionFile file = new DistributionFile(1, 1, filename, type, "source", Optional.empty(), 10, sha256, "",
                "", Optional.empty(), Instant.EPOCH, Optional.empty());
        List<ContentEntry> entries = new ArrayList<>();
        files.forEach((path, hash) -> entries.add(hash.startsWith("->")
                ? new ContentEntry(root + "/" + path, path, ContentKind.SYMLINK, 0, "", root + "/" + hash.substring(2))
                : new ContentEntry(root + "/" + path, path, ContentKind.TEXT, 1, hash, "")));
        return new DistributionContents(file, root, entries, Optional.empty());
    }

    private static List<String> differences(FileSourceMatch match) {
        return match.differences().stream().map(d -> d.path() + ": " + d.reason()).sorted().toList();
    }

    @Test
    void anSdistIsComparedPathForPathAndTheBackendsFilesAreAccepted() {
        FileSourceMatch match = new TreeComparison(TREE).compare(sdist("x", Map.of("PKG-INFO", "k",
                "src/demo.egg-info/SOURCES.txt", "e", "src/demo/core.py", "c2", "src/demo/__init__.py", "i1",
                "m4/build-to-host.m4", "b", "link", "->pyproject.toml")), false);

        assertThat(match.verdict()).isEqualTo(SourceVerdict.DIFFERS);
        assertThat(match.matched()).isEqualTo(1);
        assertThat(match.generated()).containsExactlyInAnyOrder("PKG-INFO", "src/demo.egg-info/SOURCES.txt");
        assertThat(differences(match)).containsExactly("link: " + SourceDifference.LINK,
                "m4/build-to-host.m4: not in the tagged tree", "src/demo/core.py: differs from the tagged tree");
    }

    @Test
    void aSetupCfgIsTheBackendsOnlyWhenTheTreeHasNoneOrOnlyItsEggInfoSectionChanged() {
        DistributionContents upload = sdist("x", Map.of("setup.cfg", "s2"));

        assertThat(differences(new TreeComparison(TREE).compare(upload, false)))
                .containsExactly("setup.cfg: differs from the tagged tree");
        assertThat(new TreeComparison(TREE).compare(upload, true).verdict()).isEqualTo(SourceVerdict.MATCHES_THE_SOURCE);
        assertThat(new TreeComparison(Map.of()).compare(upload, false).generated()).containsExactly("setup.cfg");
        assertThat(BackendFiles.onlyEggInfoChanged("[flake8]\nmax = 1\n",
                "[flake8]\nmax = 1\n\n[egg_info]\ntag_build = \ntag_date = 0\n\n")).isTrue();
        assertThat(BackendFiles.onlyEggInfoChanged("[flake8]\nmax = 1\n",
                "[flake8]\nmax = 2\n\n[egg_info]\ntag_build = \n")).isFalse();
    }

    @Test
    void aWheelsModulesMayComeFromASourceFolder() {
        FileSourceMatch match = new TreeComparison(TREE).compare(wheel("w", Map.of("demo/__init__.py", "i1",
                "demo-1.0.data/purelib/demo/core.py", "c1", "demo-1.0.dist-info/METADATA", "m",
                "demo/extra.py", "x")), false);

        assertThat(match.matched()).isEqualTo(2);
        assertThat(match.generated()).containsExactly("demo-1.0.dist-info/METADATA");
        assertThat(differences(match)).containsExactly("demo/extra.py: not in the tagged tree");
    }

    @Test
    void aByteIdenticalRebuildIsReproducedAndSameContentsMatch() {
        DistributionContents upload = sdist("same", Map.of("PKG-INFO", "k", "pyproject.toml", "p1"));
        FileSourceMatch tree = new TreeComparison(TREE).compare(upload, false);
        RebuiltFile identical = new RebuiltFile("demo-1.0.tar.gz", "same", Map.of("PKG-INFO", "k",
                "pyproject.toml", "p1"));
        RebuiltFile sameContents = new RebuiltFile("demo-1.0.tar.gz", "other", identical.entries());

        FileSourceMatch reproduced = RebuildComparison.refine(tree, upload, rebuild(identical));
        FileSourceMatch matches = RebuildComparison.refine(tree, upload, rebuild(sameContents));

        assertThat(reproduced.verdict()).isEqualTo(SourceVerdict.REPRODUCED);
        assertThat(reproduced.rebuild()).isEqualTo("byte-identical");
        assertThat(matches.verdict()).isEqualTo(SourceVerdict.MATCHES_THE_SOURCE);
        assertThat(matches.rebuild()).isEqualTo("same contents");
        assertThat(SourceMatches.verdictOf(List.of(reproduced, matches))).isEqualTo(SourceVerdict.MATCHES_THE_SOURCE);
        assertThat(SourceMatches.verdictOf(List.of(reproduced))).isEqualTo(SourceVerdict.REPRODUCED);
    }

    @Test
    void theRebuildChecksWhatTheBackendWroteAndNamesWhatIsMissing() {
        DistributionContents upload = sdist("up", Map.of("PKG-INFO", "tampered", "pyproject.toml", "p1",
                "extra.txt", "e"));
        FileSourceMatch tree = new TreeComparison(TREE).compare(upload, false);
        RebuiltFile rebuilt = new RebuiltFile("demo-1.0.tar.gz", "re", Map.of("PKG-INFO", "k", "pyproject.toml", "p1",
                "src/demo/core.py", "c1"));

        FileSourceMatch refined = RebuildComparison.refine(tree, upload, rebuild(rebuilt));

        assertThat(refined.verdict()).isEqualTo(SourceVerdict.DIFFERS);
        assertThat(refined.rebuild()).isEqualTo("other contents");
        assertThat(differences(refined)).containsExactly("PKG-INFO: " + SourceDifference.CHANGED_FROM_REBUILD,
                "extra.txt: not in the tagged tree", "src/demo/core.py: " + SourceDifference.ONLY_IN_REBUILD);
    }

    @Test
    void aFileTheTreeLacksButTheRebuildHoldsWasWrittenByTheBackend() {
        DistributionContents upload = sdist("up", Map.of("PKG-INFO", "k", "pyproject.toml", "p1",
                "setup.py", "poetry", "src/demo/_version.py", "scm", "extra.txt", "e"));
        FileSourceMatch tree = new TreeComparison(TREE).compare(upload, false);
        RebuiltFile rebuilt = new RebuiltFile("demo-1.0.tar.gz", "re", Map.of("PKG-INFO", "k", "pyproject.toml", "p1",
                "setup.py", "poetry", "src/demo/_version.py", "scm-other"));

        FileSourceMatch refined = RebuildComparison.refine(tree, upload, rebuild(rebuilt));

        assertThat(differences(tree)).contains("setup.py: not in the tagged tree");
        assertThat(refined.generated()).contains("setup.py").doesNotContain("src/demo/_version.py");
        assertThat(differences(refined)).containsExactly("extra.txt: not in the tagged tree",
                "src/demo/_version.py: " + SourceDifference.CHANGED_FROM_REBUILD);
        assertThat(refined.rebuild()).isEqualTo("other contents");
    }

    @Test
    void aWheelWithTheBackendsFilesIsReproducedOrHasTheRebuildsContents() {
        DistributionContents upload = wheel("w", Map.of("demo/__init__.py", "i1", "demo/_version.py", "scm",
                "demo-1.0.dist-info/METADATA", "m"));
        FileSourceMatch tree = new TreeComparison(TREE).compare(upload, false);
        RebuiltFile identical = new RebuiltFile("demo-1.0-py3-none-any.whl", "w", Map.of("demo/__init__.py", "i1",
                "demo/_version.py", "scm", "demo-1.0.dist-info/METADATA", "m"));

        FileSourceMatch reproduced = RebuildComparison.refine(tree, upload, rebuild(identical));
        FileSourceMatch same = RebuildComparison.refine(tree, upload, rebuild(new RebuiltFile(identical.filename(),
                "w2", identical.entries())));

        assertThat(tree.verdict()).isEqualTo(SourceVerdict.DIFFERS);
        assertThat(reproduced.verdict()).isEqualTo(SourceVerdict.REPRODUCED);
        assertThat(reproduced.differences()).isEmpty();
        assertThat(reproduced.generated()).contains("demo/_version.py");
        assertThat(same.verdict()).isEqualTo(SourceVerdict.MATCHES_THE_SOURCE);
        assertThat(same.rebuild()).isEqualTo("same contents");
    }

    @Test
    void aFailedRebuildOrAnotherWheelLeavesTheTreesVerdict() {
        DistributionContents upload = wheel("w", Map.of("demo/__init__.py", "i1"));
        FileSourceMatch tree = new TreeComparison(TREE).compare(upload, false);

        FileSourceMatch failed = RebuildComparison.refine(tree, upload,
                new Rebuilds.Rebuild(List.of(), Optional.of("the rebuild failed: no build backend")));
        FileSourceMatch other = RebuildComparison.refine(tree, upload, rebuild(new RebuiltFile(
                "demo-1.0-cp312-cp312-linux_x86_64.whl", "z", Map.of())));

        assertThat(failed.verdict()).isEqualTo(SourceVerdict.MATCHES_THE_SOURCE);
        assertThat(failed.rebuild()).isEqualTo("the rebuild failed: no build backend");
        assertThat(other.verdict()).isEqualTo(SourceVerdict.MATCHES_THE_SOURCE);
        assertThat(other.rebuild()).startsWith("not rebuilt: the rebuild made demo-1.0-cp312");
        assertThat(RebuiltFile.fromRawValues(List.of(Map.of("filename", "a.whl"), "junk"))).isEmpty();
    }

    private static Rebuilds.Rebuild rebuild(RebuiltFile file) {
        return new Rebuilds.Rebuild(List.of(file), Optional.empty());
    }
}
