package dev.assay.server.index.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Line mutations of core metadata (METADATA, PKG-INFO): headers removed, repeated, garbled, flooded. */
final class MetadataMutations {

    private static final List<String> FIELDS = List.of("Metadata-Version", "Name", "Version", "Summary",
            "Requires-Python", "Requires-Dist", "Provides-Extra", "Classifier", "License", "License-Expression",
            "License-File", "Project-URL", "Home-page", "Author-email", "Description-Content-Type", "Dynamic",
            "Keywords", "Platform", "Supported-Platform", "Obsoletes-Dist", "Provides-Dist", "Requires-External",
            "Import-Name", "Import-Namespace", "Description");

    private static final List<String> VALUES = List.of("requests (>=2.0)", "requests>=2; extra == 'x'",
            "a[b,c]>=1; python_version < '3.8' and os_name == \"nt\"", ">=3.8", ">=3.8,<", "~=", "MIT AND (Apache-2.0",
            "LicenseRef-Foo", "Programming Language :: Python :: 3", "Private :: Do Not Upload", "text/markdown",
            "text/x-rst; charset=latin-1", "https://example.org", "javascript:alert(1)", "2.0", "2.5", "9.9", "1.0",
            "1.2", "3.0", "name@example.org", "Homepage, https://x", "Requires-Dist", "a ; ; b", "pkg @ file:///etc",
            "pkg @ https://x/y.whl");

    private final Junk junk;

    MetadataMutations(Junk junk) {
        this.junk = junk;
    }

    /** One mutation of the metadata text, as bytes (some mutations are not UTF-8); returns what it did. */
    Junk.Mutated<byte[]> mutate(String metadata) {
        List<String> lines = new ArrayList<>(metadata.lines().toList());
        int headerEnd = lines.indexOf("");
        int line = junk.below(Math.max(1, headerEnd < 0 ? lines.size() : headerEnd));
        String field = junk.pick(FIELDS);
        int kind = junk.below(11);
        if (kind == 8) {
            return new Junk.Mutated<>(String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8), "CRLF line ends");
        }
        if (kind == 9) {
            byte[] bytes = text(lines);
            int at = junk.below(bytes.length);
            byte[] invalid = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0};
            return new Junk.Mutated<>(Junk.splice(bytes, at, at, invalid), "invalid UTF-8 inserted at " + at);
        }
        String description = switch (kind) {
            case 0 -> "line removed: " + (lines.isEmpty() ? "" : lines.remove(Math.min(line, lines.size() - 1)));
            case 1 -> repeatLine(lines, line);
            case 2 -> addHeader(lines, line, field);
            case 3 -> replaceValue(lines, line);
            case 4 -> flood(lines, line, field);
            case 5 -> {
                lines.add(line, junk.chance(0.5) ? "  continued " + junk.string() : junk.string());
                yield "header without a name or a continuation line inserted";
            }
            case 6 -> {
                lines.removeIf(String::isEmpty);
                yield "blank line between headers and description removed";
            }
            case 7 -> metadataVersion(lines);
            default -> {
                lines.clear();
                yield "metadata emptied";
            }
        };
        return new Junk.Mutated<>(text(lines), description);
    }

    private static byte[] text(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String repeatLine(List<String> lines, int line) {
        String copy = lines.isEmpty() ? "" : lines.get(Math.min(line, lines.size() - 1));
        lines.add(line, copy);
        return "line repeated: " + copy;
    }

    private String addHeader(List<String> lines, int line, String field) {
        String value = junk.chance(0.5) ? junk.pick(VALUES) : junk.string();
        lines.add(line, field + ": " + value);
        return "header added: " + field + ": " + shorten(value);
    }

    private String replaceValue(List<String> lines, int line) {
        String old = lines.isEmpty() ? "" : lines.get(Math.min(line, lines.size() - 1));
        int colon = old.indexOf(':');
        String value = junk.chance(0.5) ? junk.pick(VALUES) : junk.string();
        String replaced = (colon < 0 ? old : old.substring(0, colon)) + ": " + value;
        set(lines, line, replaced);
        return "value replaced: " + shorten(replaced);
    }

    private String flood(List<String> lines, int line, String field) {
        int count = junk.pick(List.of(100, 1_000, 20_000));
        for (int i = 0; i < count; i++) {
            lines.add(line, field + ": " + (field.equals("Requires-Dist") ? "dep" + i + ">=1" : "v" + i));
        }
        return count + " '" + field + "' headers added";
    }

    private String metadataVersion(List<String> lines) {
        String value = junk.pick(List.of("1.0", "1.1", "1.2", "2.0", "2.1", "2.2", "2.3", "2.4", "2.5", "3.0", "99", "",
                "two"));
        lines.removeIf(text -> text.startsWith("Metadata-Version:"));
        lines.add(0, "Metadata-Version: " + value);
        return "Metadata-Version set to '" + value + "'";
    }

    private static void set(List<String> lines, int line, String text) {
        if (lines.isEmpty()) {
            lines.add(text);
        } else {
            lines.set(Math.min(line, lines.size() - 1), text);
        }
    }

    static String shorten(String text) {
        return shorten(text, 60);
    }

    /** Printable ASCII, cut to {@code length} characters with the full length said. */
    static String shorten(String text, int length) {
        String printable = text.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > length ? printable.substring(0, length) + "… (" + text.length() + " chars)"
                : printable;
    }
}
