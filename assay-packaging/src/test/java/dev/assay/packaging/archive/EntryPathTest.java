package dev.assay.packaging.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.packaging.archive.UnsafeArchiveException.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntryPathTest {
    private final EntryPath paths = new EntryPath("a.whl", 100);

    @ParameterizedTest
    @CsvSource({
        "pkg/a.py, pkg/a.py",
        "./pkg/a.py, pkg/a.py",
        "pkg//a.py, pkg/a.py",
        "pkg/./a.py, pkg/a.py",
        "pkg/sub/, pkg/sub",
        "pkg\\a.py, pkg/a.py",
        "'./', ''",
        "'...', '...'",
        "'..a/b..', '..a/b..'",
        "'pkg/d:x', 'pkg/d:x'",
    })
    void normalisesSafeNames(String name, String expected) {
        assertThat(paths.normalize(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "'', ILLEGAL_NAME",
        "/abs, ABSOLUTE_PATH",
        "\\abs, ABSOLUTE_PATH",
        "C:/x, ABSOLUTE_PATH",
        "z:x, ABSOLUTE_PATH",
        "'d:', ABSOLUTE_PATH",
        "a/../b, PATH_TRAVERSAL",
        "a/.., PATH_TRAVERSAL",
        "..\\x, PATH_TRAVERSAL",
        "'a\tb', ILLEGAL_NAME",
    })
    void refusesUnsafeNames(String name, Reason reason) {
        assertThatThrownBy(() -> paths.normalize(name)).isInstanceOfSatisfying(UnsafeArchiveException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @ParameterizedTest
    @CsvSource({
        "pkg/link, SYMBOLIC_LINK, target.py, pkg/target.py",
        "pkg/link, SYMBOLIC_LINK, ../top.py, top.py",
        "pkg/sub/link, SYMBOLIC_LINK, ./../x/./y, pkg/x/y",
        "link, SYMBOLIC_LINK, ., ''",
        "pkg/link, HARD_LINK, pkg/target.py, pkg/target.py",
        "pkg/link, HARD_LINK, a/../b, b",
    })
    void resolvesLinkTargetsInsideTheRoot(String path, EntryKind kind, String target, String expected) {
        assertThat(paths.resolveLink(path, path, kind, target)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "link, SYMBOLIC_LINK, ..",
        "pkg/link, SYMBOLIC_LINK, ../..",
        "pkg/link, SYMBOLIC_LINK, /etc/passwd",
        "pkg/link, SYMBOLIC_LINK, C:\\Windows",
        "pkg/link, HARD_LINK, ../pkg/x",
    })
    void refusesLinkTargetsLeavingTheRoot(String path, EntryKind kind, String target) {
        assertThatThrownBy(() -> paths.resolveLink(path, path, kind, target))
                .isInstanceOfSatisfying(UnsafeArchiveException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.LINK_ESCAPES_ROOT));
    }
}
