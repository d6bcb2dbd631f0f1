package dev.assay.server.review.change.edit;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A text file as the editor shows it and as it is written back: UTF-8, with the file's own line endings (CRLF or
 * LF) and its final newline, or the lack of one, kept whatever a browser's textarea sends.
 */
record EditableText(String text, boolean crlf, boolean finalNewline) {

    /** What the browser edits at most: larger files are changed with git. */
    static final int MAX_BYTES = 1024 * 1024;
    private static final int BINARY_PROBE = 8 * 1024;

    /** The file's text, or empty when it is binary (a NUL byte in its first 8 KB, as git judges) or not UTF-8. */
    static Optional<EditableText> of(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, BINARY_PROBE); i++) {
            if (bytes[i] == 0) {
                return Optional.empty();
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return Optional.of(new EditableText(text, text.contains("\r\n"), text.isEmpty() || text.endsWith("\n")));
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }

    /** A new file's convention: LF and a final newline. */
    static EditableText newFile() {
        return new EditableText("", false, true);
    }

    /** The text in the textarea: a leading newline, which HTML drops after the opening tag, keeps a first empty line. */
    String forTextarea() {
        return "\n" + text;
    }

    /** The submitted text written back in this file's conventions. */
    byte[] written(String submitted) {
        String text = submitted == null ? "" : submitted.replace("\r\n", "\n").replace('\r', '\n');
        if (finalNewline && !text.isEmpty() && !text.endsWith("\n")) {
            text = text + "\n";
        } else if (!finalNewline && text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        return (crlf ? text.replace("\n", "\r\n") : text).getBytes(StandardCharsets.UTF_8);
    }
}
