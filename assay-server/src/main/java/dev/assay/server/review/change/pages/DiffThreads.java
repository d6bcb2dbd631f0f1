package dev.assay.server.review.change.pages;

import java.util.List;


import dev.assay.server.review.thread.Conversation;
import dev.assay.server.review.thread.ThreadView;

/** The threads of a conversation placed on a line of one side of the diff shown, for its pages. */
public record DiffThreads(Conversation conversation) {

    /** The threads at this line of the file on {@code side} ({@code new} or {@code old}). */
    public List<ThreadView> at(String path, int line, String side) {
        return conversation.at(path, line).stream().filter(thread -> thread.anchor().side().equals(side)).toList();
    }
}
