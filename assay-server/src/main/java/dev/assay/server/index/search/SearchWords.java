package dev.assay.server.index.search;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as search compares it: lower case, only letters and digits, words separated by one space. What the user
 * types never reaches a query parser in any other form, so quotes, backslashes and tsquery operators are mere
 * separators.
 */
final class SearchWords {

    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchWords() {
    }

    /** The words of the text, with a space before and after each ({@code " pages app "}); one space when none. */
    static String padded(String text, int maxLength) {
        String words = SEPARATORS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        if (words.length() > maxLength) {
            // cut at a word boundary, so the last word kept is whole
            int cut = words.lastIndexOf(' ', maxLength);
            words = words.substring(0, cut > 0 ? cut : maxLength);
        }
        return words.isEmpty() ? " " : " " + words + " ";
    }

    /** The words of the text in order, at most {@code max}. */
    static List<String> split(String text, int max) {
        return Arrays.stream(SEPARATORS.split(text.toLowerCase(Locale.ROOT))).filter(word -> !word.isEmpty())
                .limit(max).toList();
    }
}
