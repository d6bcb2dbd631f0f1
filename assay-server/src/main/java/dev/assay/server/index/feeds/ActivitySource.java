package dev.assay.server.index.feeds;

import java.util.List;

import dev.assay.server.index.Reader;

/** A feature's part of a person's activity feed ({@code /rss/user/NAME/activity.xml}). */
public interface ActivitySource {

    /** The person's newest doings of this kind that the reader may read, newest first, at most {@code limit}. */
    List<Activity> activity(long personId, Reader reader, int limit);
}
