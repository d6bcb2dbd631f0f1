package dev.assay.server.review.thread.comment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

import dev.assay.server.review.thread.tracker.BudgetedText;

/**
 * Turns matches in the text of sanitised HTML into links: only in plain text, never inside a link, code or
 * preformatted block, and through jsoup nodes so that the text stays escaped. Each pattern may read a bounded
 * number of characters per body; one that exhausts it finds and links nothing more.
 */
final class TextLinker {

    private static final Set<String> SKIPPED = Set.of("a", "code", "pre");

    private final long budget;

    /** A linker allowing each pattern to read {@code budget} characters per body. */
    TextLinker(long budget) {
        this.budget = budget;
    }

    /** Group {@code group} of every match in the linkable text, in order, without repeats. */
    Set<String> find(Element root, Pattern pattern, int group) {
        Set<String> found = new LinkedHashSet<>();
        BudgetedText.Budget left = new BudgetedText.Budget(budget);
        try {
            for (TextNode node : linkable(root)) {
                Matcher matcher = pattern.matcher(new BudgetedText(node.getWholeText(), left));
                while (matcher.find()) {
                    found.add(matcher.group(group));
                }
            }
        } catch (BudgetedText.Exhausted stopped) {
            // what was found so far stands
        }
        return found;
    }

    /**
     * Replaces each match with a link to the address {@code href} gives it (none: the text stays), of class
     * {@code cssClass}. Returns false when the pattern exhausted its budget.
     */
    boolean link(Element root, Pattern pattern, Function<MatchResult, Optional<String>> href, String cssClass) {
        BudgetedText.Budget left = new BudgetedText.Budget(budget);
        for (TextNode node : linkable(root)) {
            if (!linkIn(node, pattern.matcher(new BudgetedText(node.getWholeText(), left)), href, cssClass)) {
                return false;
            }
        }
        return true;
    }

    private static boolean linkIn(TextNode node, Matcher matcher, Function<MatchResult, Optional<String>> href,
            String cssClass) {
        String text = node.getWholeText();
        List<Node> replacement = new ArrayList<>();
        int done = 0;
        boolean finished = true;
        try {
            while (matcher.find()) {
                Optional<String> target = href.apply(matcher.toMatchResult());
                if (target.isPresent()) {
                    replacement.add(new TextNode(text.substring(done, matcher.start())));
                    replacement.add(new Element("a").attr("href", target.get()).addClass(cssClass)
                            .text(text.substring(matcher.start(), matcher.end())));
                    done = matcher.end();
                }
            }
        } catch (BudgetedText.Exhausted stopped) {
            finished = false;
        }
        if (!replacement.isEmpty()) {
            replacement.add(new TextNode(text.substring(done)));
            Node previous = node;
            for (Node part : replacement) {
                previous.after(part);
                previous = part;
            }
            node.remove();
        }
        return finished;
    }

    private static List<TextNode> linkable(Element root) {
        List<TextNode> nodes = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode text && !insideSkipped(text)) {
                nodes.add(text);
            }
        }, root);
        return nodes;
    }

    private static boolean insideSkipped(Node node) {
        for (Node parent = node.parent(); parent != null; parent = parent.parent()) {
            if (parent instanceof Element element && SKIPPED.contains(element.normalName())) {
                return true;
            }
        }
        return false;
    }
}
