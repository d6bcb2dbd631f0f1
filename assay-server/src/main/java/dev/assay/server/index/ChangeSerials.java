package dev.assay.server.index;

/**
 * The database-wide change serials: {@code pages} moves with every change of any project's index pages,
 * {@code list} with every change of what the anonymous project list shows.
 */
public record ChangeSerials(long pages, long list) {
}
