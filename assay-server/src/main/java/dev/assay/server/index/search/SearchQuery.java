package dev.assay.server.index.search;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A search as typed, read into what the databases compare: the words (letters and digits only), whether the last
 * one may still be growing (nothing follows it, as while typing: it then matches as a prefix), and the text
 * itself for the name and summary comparisons that find any substring.
 *
 * @param text the query with control characters removed, as typed otherwise
 * @param words at most {@link #MAX_WORDS} words, lower case
 * @param lastIsPrefix whether the last word matches every word that starts with it
 */
public record SearchQuery(String text, List<String> words, boolean lastIsPrefix) {

    /** Words past this many are ignored: each one is one more condition on every row. */
    static final int MAX_WORDS = 16;

    public SearchQuery {
        words = List.copyOf(words);
    }

    /** Reads the text; a last word with nothing after it is a prefix. */
    public static SearchQuery of(String text) {
        List<String> read = SearchWords.split(text, MAX_WORDS + 1);
        List<String> words = read.subList(0, Math.min(read.size(), MAX_WORDS));
        boolean open = !words.isEmpty() && read.size() == words.size()
                && text.toLowerCase(Locale.ROOT).endsWith(words.get(words.size() - 1));
        return new SearchQuery(text, words, open);
    }

    /**
     * The words as a PostgreSQL {@code to_tsquery} text: {@code a & b & c:*}. Safe to hand to the parser because
     * every word holds letters and digits only, no operator, quote or space.
     */
    String tsquery() {
        return IntStream.range(0, words.size())
                .mapToObj(i -> words.get(i) + (isPrefix(i) ? ":*" : ""))
                .collect(Collectors.joining(" & "));
    }

    /** The LIKE pattern finding word {@code i} in a padded column: its start when a prefix, else the whole word. */
    String likePattern(int i) {
        return "% " + words.get(i) + (isPrefix(i) ? "%" : " %");
    }

    /** A LIKE pattern (escape {@code \}) finding the lower-case text anywhere, its {@code %_\} taken literally. */
    String literalPattern() {
        return contains(text.toLowerCase(Locale.ROOT));
    }

    /** {@link #literalPattern()} of the text with its runs of {@code -_.} as one {@code -}, as normalised names are. */
    String normalizedPattern() {
        return contains(exactName());
    }

    /** The text as a normalised project name, to find the project of that exact name. */
    String exactName() {
        return text.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    /** The start of the lower-case text that H2's literal pieces are looked up by ({@link SearchWords#pieces}). */
    String piece() {
        return SearchWords.cut(text.toLowerCase(Locale.ROOT), SearchWords.PIECE);
    }

    /** {@link #piece()} of the text as a normalised name. */
    String normalizedPiece() {
        return SearchWords.cut(exactName(), SearchWords.PIECE);
    }

    /**
     * The end of the range of an index holding the values that start with {@code start}: those are at least
     * {@code start} and less than it followed by U+FFFF, a character no text holds (a noncharacter).
     */
    static String rangeEnd(String start) {
        return start + '\uffff';
    }

    private static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Whether word {@code i} matches every word that starts with it. */
    boolean isPrefix(int i) {
        return lastIsPrefix && i == words.size() - 1;
    }
}
