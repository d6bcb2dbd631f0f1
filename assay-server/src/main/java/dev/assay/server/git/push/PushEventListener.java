package dev.assay.server.git.push;

/**
 * A subscriber to pushes: every Spring bean implementing it receives each accepted push, one event per
 * updated ref, at least once, after the push's transaction committed, on a background thread. An
 * exception makes the event come again later (with a growing delay), so a listener must tolerate
 * repeats; it never holds back other listeners or other events.
 */
public interface PushEventListener {

    /** Handles one updated ref; throw to have it delivered again later. */
    void onPush(PushEvent event) throws Exception;
}
