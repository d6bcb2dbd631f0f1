package dev.assay.server.index.contents;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.eclipse.jgit.diff.RawText;

/** Decides whether bytes are text to show, and splits text into lines as the diff counts them. */
final class TextLines {

    private TextLines() {
    }

    /** Binary by git's rule (JGit's {@link RawText#isBinary}), otherwise text when it is valid UTF-8. */
    static ContentKind kindOf(byte[] bytes) {
        if (RawText.isBinary(bytes)) {
            return ContentKind.BINARY;
        }
        return decode(bytes).isPresent() ? ContentKind.TEXT : ContentKind.UNDECODABLE;
    }

    /** The text, or empty when the bytes are not valid UTF-8 (never replaced silently). */
    static Optional<String> decode(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException undecodable) {
            return Optional.empty();
        }
    }

    /**
     * The lines without their ends: split at {@code \n} (a {@code \r} before it dropped) as JGit's diff counts them,
     * so line {@code n} here is line {@code n} of a diff; a final line end adds no empty line.
     */
    static List<String> split(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return List.of(body.split("\r?\n", -1));
    }
}
