package dev.assay.server.review.change.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;

import dev.assay.server.review.thread.comment.Suggestion;

/** The text a browser sends written back in the file's conventions, and the names of the branches edits go to. */
class EditableTextTest {

    @Test
    void keepsTheFilesLineEndingsAndItsFinalNewlineOrItsLack() {
        EditableText crlfWithout = EditableText.of(bytes("a\r\nb")).orElseThrow();
        assertThat(text(crlfWithout.written("a\r\nb\r\nc\r\n"))).isEqualTo("a\r\nb\r\nc");
        EditableText lfWith = EditableText.of(bytes("a\nb\n")).orElseThrow();
        assertThat(text(lfWith.written("a\r\nc"))).isEqualTo("a\nc\n");
        assertThat(text(EditableText.newFile().written("x"))).isEqualTo("x\n");
        assertThat(lfWith.forTextarea()).isEqualTo("\na\nb\n");
    }

    @Test
    void binaryAndNonUtf8FilesAreNotEditable() {
        assertThat(EditableText.of(new byte[] {'a', 0, 'b'})).isEmpty();
        assertThat(EditableText.of(new byte[] {'a', (byte) 0xff, 'b'})).isEmpty();
    }

    @Test
    void aSuggestionReplacesOrDeletesTheLineInTheFilesConventions() {
        assertThat(text(SuggestionApplier.replaced(bytes("a\r\nb\r\nc"), 2, new Suggestion(List.of("x", "y")))))
                .isEqualTo("a\r\nx\r\ny\r\nc");
        assertThat(text(SuggestionApplier.replaced(bytes("a\nb\n"), 1, new Suggestion(List.of()))))
                .isEqualTo("b\n");
    }

    @Test
    void userNamesGitRefusesInBranchNamesAreMadeSafe() {
        for (String name : List.of("alice", "a..b", "x.lock", "a...lock")) {
            assertThat(Repository.isValidRefName("refs/heads/users/" + BrowserEdits.refSafe(name) + "/patch-1"))
                    .as(name).isTrue();
            assertThat(Repository.isValidRefName("refs/heads/" + BrowserEdits.refSafe(name) + "-patch-1"))
                    .as(name).isTrue();
        }
        assertThat(BrowserEdits.refSafe("alice")).isEqualTo("alice");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
