package dev.assay.server.index.search;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Text as search compares it: lower case, only letters and digits, words separated by one space. What the user
 * types never reaches a query parser in any other form, so quotes, backslashes and tsquery operators are mere
 * separators.
 */
final class SearchWords {

    /**
     * Words are kept to this many characters in H2's word table: more than a search may hold (200 characters, see
     * ProjectDirectory), so a word of a search still equals or starts a kept word exactly when it does the word.
     */
    static final int MAX_WORD = 256;

    /** The length of H2's literal pieces ({@link #pieces}). */
    static final int PIECE = 16;

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

    /**
     * The words of padded fields ({@link #padded}) with the fields each is in, each word cut to {@link #MAX_WORD}
     * characters, for H2's word table: {@code fields[i]} true when the word is in the i-th text.
     */
    static Map<String, boolean[]> byField(String... paddedFields) {
        Map<String, boolean[]> words = new LinkedHashMap<>();
        for (int field = 0; field < paddedFields.length; field++) {
            for (String word : paddedFields[field].strip().split(" ")) {
                if (!word.isEmpty()) {
                    words.computeIfAbsent(cut(word, MAX_WORD), key -> new boolean[paddedFields.length])[field] = true;
                }
            }
        }
        return words;
    }

    /**
     * The first {@link #PIECE} characters of every suffix of the texts, for H2's literal matches: a text contains a
     * query exactly when one of its pieces starts with the query's first {@link #PIECE} characters.
     */
    static Set<String> pieces(String... texts) {
        Set<String> pieces = new LinkedHashSet<>();
        for (String text : texts) {
            for (int start = 0; start < text.length(); start++) {
                pieces.add(text.substring(start, Math.min(text.length(), start + PIECE)));
            }
        }
        return pieces;
    }

    /** The first {@code max} characters of the text. */
    static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
