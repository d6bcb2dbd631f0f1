package dev.assay.packaging.metadata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The headers and body of a {@code METADATA} / {@code PKG-INFO} text, split as Python's {@code email.parser}
 * (policy compat32, the format's de-facto definition) splits them: headers up to the first empty line, lines
 * starting with a space or tab continue the previous header, everything after the empty line is the body.
 */
record HeaderBlock(List<Header> headers, Optional<String> body) {
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    HeaderBlock {
        headers = List.copyOf(headers);
    }

    /** One header: its name as written, its first-line value (leading blanks removed) and its continuation lines. */
    record Header(String name, String firstLine, List<String> continuations) {
        Header {
            continuations = List.copyOf(continuations);
        }

        /** The value with continuation lines kept as written after a newline, as compat32 returns it. */
        String folded() {
            StringBuilder value = new StringBuilder(firstLine);
            continuations.forEach(continuation -> value.append('\n').append(continuation));
            return value.toString().strip();
        }

        /**
         * The value of a multi-line text field (Description, License): the indentation that writers add to each
         * continuation line — 8 spaces (setuptools), or 7 spaces and a {@code |} (the specification) — is removed.
         */
        String unescaped() {
            boolean pipeStyle = !continuations.isEmpty()
                    && continuations.stream().allMatch(line -> line.matches(" {7,8}\\|.*"));
            StringBuilder value = new StringBuilder(firstLine);
            for (String continuation : continuations) {
                value.append('\n').append(pipeStyle ? continuation.substring(continuation.indexOf('|') + 1)
                        : dedent(continuation));
            }
            // a value that starts on the next line ("Description: " then text) should not start with a newline
            return value.toString().replaceFirst("^\\n+", "").stripTrailing();
        }

        private static String dedent(String line) {
            if (line.startsWith("        ")) {
                return line.substring(8);
            }
            return line.stripLeading();
        }
    }

    /** Splits {@code text}; a line that is neither a header, a continuation nor the separator is an error. */
    static HeaderBlock split(String text) {
        String[] lines = LINE_BREAK.split(text, -1);
        List<Header> headers = new ArrayList<>();
        HeaderStart current = null;
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index];
            if (line.isEmpty()) {
                addIfPresent(headers, current);
                return new HeaderBlock(headers, body(Arrays.copyOfRange(lines, index + 1, lines.length)));
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (current == null) {
                    throw problem(index + 1, "a continuation line (starting with a space or tab) comes before any "
                            + "header; the first line must be a header such as 'Metadata-Version: 2.4'");
                }
                current.continuations.add(line);
                continue;
            }
            addIfPresent(headers, current);
            current = startHeader(line, index + 1);
        }
        addIfPresent(headers, current);
        return new HeaderBlock(headers, Optional.empty());
    }

    private static HeaderStart startHeader(String line, int lineNumber) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            throw problem(lineNumber, "'" + abbreviate(line) + "' is not a header: a header line is 'Name: value', "
                    + "and the description goes after an empty line that ends the headers");
        }
        String name = line.substring(0, colon);
        if (name.isEmpty() || !name.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw problem(lineNumber, "'" + abbreviate(name) + "' is not a valid header name: it must be non-empty "
                    + "printable ASCII without spaces, followed by a colon");
        }
        return new HeaderStart(name, line.substring(colon + 1).stripLeading());
    }

    private static Optional<String> body(String[] lines) {
        String body = String.join("\n", lines);
        return body.isBlank() ? Optional.empty() : Optional.of(body);
    }

    private static void addIfPresent(List<Header> headers, HeaderStart start) {
        if (start != null) {
            headers.add(new Header(start.name, start.firstLine, start.continuations));
        }
    }

    private static InvalidMetadataException problem(int line, String message) {
        return new InvalidMetadataException(new MetadataProblem("line " + line, message));
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    /** A header being read: its continuation lines are still arriving. */
    private static final class HeaderStart {
        private final String name;
        private final String firstLine;
        private final List<String> continuations = new ArrayList<>();

        private HeaderStart(String name, String firstLine) {
            this.name = name;
            this.firstLine = firstLine;
        }
    }
}
