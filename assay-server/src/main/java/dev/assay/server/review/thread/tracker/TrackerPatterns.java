package dev.assay.server.review.thread.tracker;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.error.ForbiddenException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.error.NotFoundException;

/**
 * The issue-tracker patterns: administrators add and remove them; each is checked to compile, to use only the
 * groups it has, to link to http(s), and to finish quickly on hostile text, so that no pattern can hang comments.
 */
@Service
public class TrackerPatterns {

    static final int MAX_PATTERN_LENGTH = 200;
    static final int MAX_TEMPLATE_LENGTH = 500;
    static final int MAX_PATTERNS = 50;
    /** Characters a pattern may read per comment; a pattern needing more links nothing in it. */
    public static final long BUDGET = 200_000;
    private static final Pattern GROUP_REFERENCE = Pattern.compile("\\$(\\d)");
    private static final Pattern TEMPLATE = Pattern.compile("https?://[^\\s\"'<>]+");

    private final TrackerPatternRepository patterns;
    private final Clock clock;

    public TrackerPatterns(TrackerPatternRepository patterns, Clock clock) {
        this.patterns = patterns;
        this.clock = clock;
    }

    /** Every pattern, oldest first. */
    public List<TrackerPattern> all() {
        return patterns.all();
    }

    /** Adds a pattern (administrators only), or says what to fix. */
    @Transactional
    public TrackerPattern add(Caller caller, String pattern, String urlTemplate) {
        checkAdmin(caller);
        Pattern compiled = compile(pattern);
        checkTemplate(compiled, urlTemplate);
        checkFast(compiled);
        if (patterns.all().size() >= MAX_PATTERNS) {
            throw new InvalidInputException("There are already " + MAX_PATTERNS + " tracker patterns; remove one first");
        }
        long id = patterns.insert(pattern, urlTemplate, clock.instant());
        return patterns.all().stream().filter(found -> found.id() == id).findFirst().orElseThrow();
    }

    /** Removes a pattern (administrators only). */
    @Transactional
    public void remove(Caller caller, long id) {
        checkAdmin(caller);
        if (!patterns.delete(id)) {
            throw new NotFoundException("there is no tracker pattern " + id);
        }
    }

    /** The link for one match of a stored pattern: the template with {@code $n} replaced, URL-encoded. */
    public static String link(String urlTemplate, MatchResult match) {
        Matcher reference = GROUP_REFERENCE.matcher(urlTemplate);
        StringBuilder url = new StringBuilder();
        while (reference.find()) {
            int group = Integer.parseInt(reference.group(1));
            String value = group <= match.groupCount() && match.group(group) != null ? match.group(group) : "";
            reference.appendReplacement(url, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        return reference.appendTail(url).toString();
    }

    /** A stored pattern compiled, or empty if it no longer compiles. */
    public static Optional<Pattern> compiled(TrackerPattern stored) {
        try {
            return Optional.of(Pattern.compile(stored.pattern()));
        } catch (PatternSyntaxException broken) {
            return Optional.empty();
        }
    }

    private static void checkAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException("Configuring issue-tracker patterns needs an administrator (signed in with a "
                    + "password); user '" + caller.name() + "' is not one");
        }
    }

    private static Pattern compile(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new InvalidInputException("Missing pattern: send a regular expression such as rhbz#(\\d+)");
        }
        if (pattern.length() > MAX_PATTERN_LENGTH) {
            throw new InvalidInputException("A pattern is at most " + MAX_PATTERN_LENGTH + " characters");
        }
        try {
            Pattern compiled = Pattern.compile(pattern);
            if (compiled.matcher("").matches()) {
                throw new InvalidInputException("The pattern '" + pattern + "' matches empty text; make it match "
                        + "at least one character");
            }
            return compiled;
        } catch (PatternSyntaxException invalid) {
            throw new InvalidInputException("The pattern is not a valid regular expression: "
                    + invalid.getDescription() + " near index " + invalid.getIndex());
        }
    }

    private static void checkTemplate(Pattern compiled, String urlTemplate) {
        if (urlTemplate == null || urlTemplate.length() > MAX_TEMPLATE_LENGTH
                || !TEMPLATE.matcher(urlTemplate).matches()) {
            throw new InvalidInputException("The URL template must be an http:// or https:// address of at most "
                    + MAX_TEMPLATE_LENGTH + " characters without spaces or quotes, e.g. "
                    + "https://bugzilla.redhat.com/show_bug.cgi?id=$1");
        }
        Matcher reference = GROUP_REFERENCE.matcher(urlTemplate);
        while (reference.find()) {
            int group = Integer.parseInt(reference.group(1));
            if (group == 0 || group > compiled.matcher("").groupCount()) {
                throw new InvalidInputException("The URL template uses $" + group + " but the pattern has "
                        + compiled.matcher("").groupCount() + " group(s); use $1 to $"
                        + compiled.matcher("").groupCount());
            }
        }
    }

    // Texts on which backtracking patterns such as (.*a){12}b take polynomial time of a high degree or worse.
    private static void checkFast(Pattern compiled) {
        for (String sample : List.of("a".repeat(64) + "!", "1".repeat(64) + "!", "x".repeat(64) + "!",
                "#".repeat(64) + "!", " ".repeat(64) + "!", "ab".repeat(32) + "!")) {
            try {
                Matcher matcher = compiled.matcher(new BudgetedText(sample, new BudgetedText.Budget(BUDGET)));
                while (matcher.find()) {
                    // reading every match is what linking does
                }
            } catch (BudgetedText.Exhausted slow) {
                throw new InvalidInputException("The pattern takes too long on text such as '" + sample.substring(0, 8)
                        + "…' (nested repetition such as (.*a){12} backtracks for ages); simplify it");
            }
        }
    }
}
