package dev.assay.server.review.thread;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import dev.assay.server.review.Discussion;
import dev.assay.server.review.DiscussionKind;

/**
 * The files of package reviews as a test arranges them: lines per (review, iteration, logical path); ordered first,
 * so it stands in for the server's own.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TestFiles implements DiscussionFiles {

    private final Map<Long, Map<Integer, Map<String, List<String>>>> files = new ConcurrentHashMap<>();

    /** Makes the file part of the review's iteration (the iteration exists from then on). */
    public void put(long discussion, int iteration, String path, List<String> lines) {
        iteration(discussion, iteration).put(path, List.copyOf(lines));
    }

    /** Adds an iteration without this file (or any). */
    public Map<String, List<String>> iteration(long discussion, int iteration) {
        return files.computeIfAbsent(discussion, id -> new ConcurrentHashMap<>())
                .computeIfAbsent(iteration, number -> new ConcurrentHashMap<>());
    }

    @Override
    public DiscussionKind kind() {
        return DiscussionKind.PACKAGE_REVIEW;
    }

    @Override
    public List<Integer> iterations(Discussion discussion) {
        return List.copyOf(new TreeSet<>(files.getOrDefault(discussion.id(), Map.of()).keySet()));
    }

    @Override
    public Optional<List<String>> lines(Discussion discussion, int iteration, String logicalPath) {
        return Optional.ofNullable(files.getOrDefault(discussion.id(), Map.of()).getOrDefault(iteration, Map.of())
                .get(logicalPath));
    }
}
