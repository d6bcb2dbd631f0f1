package dev.assay.server.git.browse.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A unified diff's hunk headers give the first old and new line numbers of their lines. */
class UnifiedDiffTest {

    @Test
    void readsTheStartLinesOfAHunkHeader() {
        assertThat(UnifiedDiff.hunkStarts("@@ -12,7 +14,8 @@ def f():")).containsExactly(12, 14);
        assertThat(UnifiedDiff.hunkStarts("@@ -0,0 +1 @@")).containsExactly(0, 1);
    }
}
