package dev.assay.packaging.requirement;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a direct-reference URL ({@code name @ url}) must look like: absolute, with a host unless it is a file URL. */
final class DirectUrlRule {

    private static final Pattern SCHEME_AND_REST = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):(.*)", Pattern.DOTALL);

    private DirectUrlRule() {
    }

    static void check(String url, Function<String, ? extends RuntimeException> error) {
        Matcher matcher = SCHEME_AND_REST.matcher(url);
        if (!matcher.matches()) {
            throw error.apply("invalid URL '" + url + "': a direct reference needs an absolute URL with a scheme,"
                    + " such as https://host/path");
        }
        String scheme = matcher.group(1);
        String rest = matcher.group(2);
        if (!rest.startsWith("//")) {
            throw error.apply("invalid URL '" + url + "': expected '" + scheme + "://' followed by "
                    + (isFile(scheme) ? "a path, as in file:///absolute/path" : "a host"));
        }
        if (!isFile(scheme) && authority(rest.substring(2)).isEmpty()) {
            throw error.apply("invalid URL '" + url + "': the host after '" + scheme + "://' is missing");
        }
    }

    private static boolean isFile(String scheme) {
        return scheme.equalsIgnoreCase("file");
    }

    private static String authority(String afterSlashes) {
        int end = afterSlashes.length();
        for (char terminator : new char[] {'/', '?', '#'}) {
            int index = afterSlashes.indexOf(terminator);
            if (index >= 0 && index < end) {
                end = index;
            }
        }
        return afterSlashes.substring(0, end);
    }
}
