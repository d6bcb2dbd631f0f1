package dev.assay.server.review.thread.anchor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Following a line to a later version of its file, case by case. */
class LinePortingTest {

    private static final List<String> BEFORE = List.of("import os", "", "def add(a, b):", "    return a + b", "",
            "def sub(a, b):", "    return a - b");

    private final LinePorting porting = new LinePorting();

    @Test
    void unchangedFileKeepsTheLine() {
        assertThat(porting.port(BEFORE, BEFORE, 4)).hasValue(4);
    }

    @Test
    void lineAboveAnEditKeepsItsNumber() {
        List<String> after = List.of("import os", "", "def add(a, b):", "    return a + b", "",
                "def sub(a, b):", "    return b - a");

        assertThat(porting.port(BEFORE, after, 3)).hasValue(3);
    }

    @Test
    void addedLinesBeforeShiftTheLineDown() {
        List<String> after = List.of("import os", "import sys", "import re", "", "def add(a, b):", "    return a + b",
                "", "def sub(a, b):", "    return a - b");

        assertThat(porting.port(BEFORE, after, 4)).hasValue(6);
        assertThat(porting.port(BEFORE, after, 1)).hasValue(1);
    }

    @Test
    void removedLinesBeforeShiftTheLineUp() {
        List<String> after = List.of("def add(a, b):", "    return a + b", "", "def sub(a, b):", "    return a - b");

        assertThat(porting.port(BEFORE, after, 7)).hasValue(5);
    }

    @Test
    void lineInsideAnEditIsOutdated() {
        List<String> after = List.of("import os", "", "def add(a, b):", "    return sum((a, b))", "",
                "def sub(a, b):", "    return a - b");

        assertThat(porting.port(BEFORE, after, 4)).isEmpty();
        assertThat(porting.port(BEFORE, after, 6)).hasValue(6);
    }

    @Test
    void deletedLineIsOutdated() {
        List<String> after = List.of("import os", "", "def add(a, b):", "    return a + b");

        assertThat(porting.port(BEFORE, after, 6)).isEmpty();
        assertThat(porting.port(BEFORE, after, 3)).hasValue(3);
    }

    @Test
    void emptiedFileOutdatesEveryLine() {
        assertThat(porting.port(BEFORE, List.of(), 1)).isEmpty();
    }
}
