package dev.assay.server.review.thread;

import java.util.List;

/** One file of an iteration, its lines, and the conversation placed in that iteration (its threads by line). */
public record FileThreads(Conversation conversation, String path, List<String> lines) {

    /** The threads shown at this line of the file. */
    public List<ThreadView> at(int line) {
        return conversation.at(path, line);
    }
}
