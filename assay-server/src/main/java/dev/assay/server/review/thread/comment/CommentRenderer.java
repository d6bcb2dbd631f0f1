package dev.assay.server.review.thread.comment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.assay.server.index.description.HtmlSanitizer;
import dev.assay.server.index.description.MarkdownRenderer;
import dev.assay.server.review.Discussion;
import dev.assay.server.review.DiscussionRepository;
import dev.assay.server.review.thread.people.PeopleRepository;
import dev.assay.server.review.thread.people.Person;
import dev.assay.server.review.thread.tracker.TrackerPattern;
import dev.assay.server.review.thread.tracker.TrackerPatterns;

/**
 * Renders comment bodies: Markdown as descriptions are rendered, sanitised, then {@code @name} of existing
 * users, {@code #N} of existing discussions and configured issue-tracker references become links.
 */
@Component
public class CommentRenderer {

    private static final Logger log = LoggerFactory.getLogger(CommentRenderer.class);
    private static final Pattern MENTION =
            Pattern.compile("(?<![A-Za-z0-9._@/-])@([A-Za-z0-9](?:[A-Za-z0-9._-]{0,38}[A-Za-z0-9])?)");
    private static final Pattern REFERENCE = Pattern.compile("(?<![A-Za-z0-9&#/])#([1-9][0-9]{0,15})(?![A-Za-z0-9])");
    private static final int MAX_LOOKUPS = 50;

    private final MarkdownRenderer markdown = MarkdownRenderer.gfm();
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();
    private final TextLinker linker = new TextLinker(TrackerPatterns.BUDGET);
    private final PeopleRepository people;
    private final DiscussionRepository discussions;
    private final TrackerPatterns trackers;

    public CommentRenderer(PeopleRepository people, DiscussionRepository discussions, TrackerPatterns trackers) {
        this.people = people;
        this.discussions = discussions;
        this.trackers = trackers;
    }

    /** Renders one body with the tracker patterns configured now. */
    public RenderedComment render(String body) {
        return render(body, trackers.all());
    }

    /** Renders one body with these tracker patterns (read once for a page of comments). */
    public RenderedComment render(String body, List<TrackerPattern> patterns) {
        Document document = Jsoup.parseBodyFragment(safeHtml(body));
        document.outputSettings().prettyPrint(false);
        // trackers first: rhbz#12 is the tracker's, not discussion #12
        for (TrackerPattern tracker : patterns) {
            TrackerPatterns.compiled(tracker).ifPresent(pattern -> {
                if (!linker.link(document.body(), pattern,
                        match -> Optional.of(TrackerPatterns.link(tracker.urlTemplate(), match)), "tracker-link")) {
                    log.warn("Tracker pattern {} stopped: it read more than its budget", tracker.id());
                }
            });
        }
        Map<String, Person> named = people.named(limited(linker.find(document.body(), MENTION, 1)));
        linker.link(document.body(), MENTION, match -> Optional.ofNullable(named.get(key(match.group(1))))
                .map(person -> "/users/" + person.name()), "mention");
        Map<Long, String> paths = existing(linker.find(document.body(), REFERENCE, 1));
        linker.link(document.body(), REFERENCE,
                match -> Optional.ofNullable(paths.get(Long.parseLong(match.group(1)))), "discussion-link");
        Set<Person> mentioned = new HashSet<>();
        document.body().select("a.mention").forEach(link -> Optional.ofNullable(named.get(key(link.text().substring(1))))
                .ifPresent(mentioned::add));
        return new RenderedComment(document.body().html().strip(), mentioned);
    }

    private String safeHtml(String body) {
        try {
            return sanitizer.sanitize(markdown.toUnsafeHtml(body));
        } catch (RuntimeException refused) {
            // the parser refuses some hostile input; the comment is still shown, as its text
            log.warn("Markdown comment not rendered, shown as text: {}", refused.toString());
            Document text = Jsoup.parseBodyFragment("");
            text.body().appendElement("pre").text(body);
            return text.body().html();
        }
    }

    private Map<Long, String> existing(Set<String> numbers) {
        Map<Long, String> paths = new HashMap<>();
        for (String number : limited(numbers)) {
            long id = Long.parseLong(number);
            discussions.find(id).map(Discussion::path).ifPresent(path -> paths.put(id, path));
        }
        return paths;
    }

    private static List<String> limited(Set<String> found) {
        return found.stream().limit(MAX_LOOKUPS).toList();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
