package dev.assay.server.index.feeds;

import java.time.Instant;

/** One release in a feed: its title ("NAME VERSION"), the absolute address of its page, its summary and date. */
record FeedItem(String title, String link, String description, Instant published) {
}
