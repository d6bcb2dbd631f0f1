package dev.assay.tasks.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splits strace's rendering of a syscall's arguments and decodes its C-escaped strings. */
final class StraceArgs {

    private StraceArgs() {
    }

    /** Top-level arguments: commas inside strings, braces, brackets and parentheses do not split. */
    static List<String> split(String args) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '{' || c == '[' || c == '(') {
                depth++;
            } else if (c == '}' || c == ']' || c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(args.substring(start, i).trim());
                start = i + 1;
            }
        }
        if (start < args.length()) {
            out.add(args.substring(start).trim());
        }
        return out;
    }

    /** Every quoted string in the text, decoded, in order (e.g. the elements of an argv array). */
    static List<String> strings(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while ((i = text.indexOf('"', i)) >= 0) {
            int end = i + 1;
            while (end < text.length() && text.charAt(end) != '"') {
                end += text.charAt(end) == '\\' ? 2 : 1;
            }
            out.add(unescape(text.substring(i + 1, Math.min(end, text.length()))));
            i = end + 1;
        }
        return out;
    }

    /** The first quoted string of an argument, decoded, or null when it has none. */
    static String string(String arg) {
        List<String> all = strings(arg);
        return all.isEmpty() ? null : all.get(0);
    }

    static String unescape(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> bytes.write('\n');
                case 't' -> bytes.write('\t');
                case 'r' -> bytes.write('\r');
                case 'v' -> bytes.write(0x0b);
                case 'f' -> bytes.write('\f');
                case 'x' -> {
                    int end = Math.min(i + 3, s.length());
                    bytes.write(Integer.parseInt(s.substring(i + 1, end), 16));
                    i = end - 1;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int end = i;
                        while (end < s.length() && end < i + 3 && s.charAt(end) >= '0' && s.charAt(end) <= '7') {
                            end++;
                        }
                        bytes.write(Integer.parseInt(s.substring(i, end), 8));
                        i = end - 1;
                    } else {
                        bytes.write(e);
                    }
                }
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
