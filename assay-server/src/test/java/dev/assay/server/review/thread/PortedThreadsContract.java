package dev.assay.server.review.thread;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Inline threads on later iterations, one case per test (as Gerrit's PortedCommentsIT): shown at the line it
 * became while unchanged, outdated when changed or gone, never carried forward once resolved; once per database.
 */
abstract class PortedThreadsContract extends ThreadFixture {

    private static final List<String> V1 = List.of("import os", "", "def add(a, b):", "    return a + b", "",
            "def sub(a, b):", "    return a - b");

    @Test
    void unchangedFileShowsTheThreadAtTheSameLine() {
        long review = reviewWith(V1);
        long thread = threadOnLine(review, 4);
        files.put(review, 2, CALC, V1);

        JsonNode shown = onIteration(review, 2, thread);

        assertThat(shown.get("placement").asString()).isEqualTo("ported");
        assertThat(shown.get("line").asInt()).isEqualTo(4);
        assertThat(shown.get("outdated").asBoolean()).isFalse();
        assertThat(shown.get("anchor").get("iteration").asInt()).isEqualTo(1);
    }

    @Test
    void lineAboveAnEditStaysWhereItWas() {
        long review = reviewWith(V1);
        long thread = threadOnLine(review, 3);
        files.put(review, 2, CALC, replaced(V1, 7, "    return b - a"));

        assertThat(onIteration(review, 2, thread).get("line").asInt()).isEqualTo(3);
    }

    @Test
    void addedLinesBeforeShiftTheThread() {
        long review = reviewWith(V1);
        long thread = threadOnLine(review, 4);
        files.put(review, 2, CALC, List.of("import os", "import sys", "import re", "", "def add(a, b):",
                "    return a + b", "", "def sub(a, b):", "    return a - b"));

        JsonNode shown = onIteration(review, 2, thread);

        assertThat(shown.get("placement").asString()).isEqualTo("ported");
        assertThat(shown.get("line").asInt()).isEqualTo(6);
    }

    @Test
    void lineInsideAnEditIsOutdatedAndStaysOnItsIteration() {
        long review = reviewWith(V1);
        long thread = threadOnLine(review, 4);
        files.put(review, 2, CALC, replaced(V1, 4, "    return sum((a, b))"));

        JsonNode later = onIteration(review, 2, thread);
        JsonNode where = onIteration(review, 1, thread);

        assertThat(later.get("placement").asString()).isEqualTo("outdated");
        assertThat(later.get("outdated").asBoolean()).isTrue();
        assertThat(later.get("line").isNull()).isTrue();
        assertThat(where.get("placement").asString()).isEqualTo("as-written");
        assertThat(where.get("line").asInt()).isEqualTo(4);
        assertThat(ok(owner.get(threads(review))).get("iteration").asInt()).as("the newest by default").isEqualTo(2);
    }

    @Test
    void deletedFileOutdatesItsThreads() {
        long review = reviewWith(V1);
        long thread = threadOnLine(review, 4);
        files.put(review, 2, "sdist/other.py", List.of("x = 1"));

        assertThat(onIteration(review, 2, thread).get("placement").asString()).isEqualTo("outdated");
    }

    @Test
    void resolvedThreadIsNotCarriedForward() {
        long review = reviewWith(V1);
        long thread = threadOnLine(review, 4);
        ok(owner.post(threads(review) + "/" + thread + "/resolve", ""));
        files.put(review, 2, CALC, V1);

        JsonNode shown = onIteration(review, 2, thread);

        assertThat(shown.get("placement").asString()).isEqualTo("resolved-earlier");
        assertThat(shown.get("line").isNull()).isTrue();
    }

    @Test
    void threadWrittenLaterIsNotPartOfAnEarlierIteration() {
        long review = reviewWith(V1);
        files.put(review, 2, CALC, V1);
        created(owner.post(threads(review), "{\"path\":\"sdist/calc.py\",\"line\":2,\"iteration\":2,\"body\":\"x\"}"));

        assertThat(ok(owner.get(threads(review) + "?iteration=1")).get("threads")).isEmpty();
        assertThat(ok(owner.get(threads(review) + "?iteration=2")).get("threads")).hasSize(1);
    }

    @Test
    void unknownIterationIsRefused() {
        long review = reviewWith(V1);

        HttpResponse<String> response = owner.get(threads(review) + "?iteration=5");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("has no iteration 5; its iterations are 1");
    }

    private long threadOnLine(long review, int line) {
        return created(owner.post(threads(review), inline(CALC, line, "About this line"))).get("id").asLong();
    }

    private JsonNode onIteration(long review, int iteration, long thread) {
        return ok(owner.get(threads(review) + "/" + thread + "?iteration=" + iteration));
    }

    private static List<String> replaced(List<String> lines, int line, String text) {
        List<String> changed = new java.util.ArrayList<>(lines);
        changed.set(line - 1, text);
        return changed;
    }
}
