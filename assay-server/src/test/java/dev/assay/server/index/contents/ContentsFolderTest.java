package dev.assay.server.index.contents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The collapsible tree of a listing, built from the paths alone. */
class ContentsFolderTest {

    private static ContentEntry file(String path, long size) {
        return new ContentEntry(path, path, ContentKind.TEXT, size, "", "");
    }

    @Test
    void groupsLeavesIntoFoldersImpliedByTheirPaths() {
        ContentsFolder root = ContentsFolder.of("sdist", List.of(file("sdist/PKG-INFO", 10),
                file("sdist/src/demo/__init__.py", 1), file("sdist/src/demo/core.py", 5), file("sdist/tests/t.py", 3)));

        assertThat(root.files()).extracting(ContentEntry::path).containsExactly("sdist/PKG-INFO");
        assertThat(root.folders()).extracting(ContentsFolder::path).containsExactly("sdist/src", "sdist/tests");
        ContentsFolder src = root.folders().get(0);
        assertThat(src.files()).isEmpty();
        assertThat(src.folders().get(0).name()).isEqualTo("demo");
        assertThat(src.folders().get(0).files()).extracting(ContentEntry::name).containsExactly("__init__.py", "core.py");
        assertThat(root.count()).isEqualTo(4);
        assertThat(root.size()).isEqualTo(19);
        assertThat(src.size()).isEqualTo(6);
    }
}
