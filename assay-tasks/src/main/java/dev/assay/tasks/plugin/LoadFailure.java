package dev.assay.tasks.plugin;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Why a plugin could not be loaded, in one line: the failure's own message and those of its causes — where the
 * provider's author says what went wrong — each and all bounded, so that a huge or endless chain cannot flood the
 * list of problems.
 */
public final class LoadFailure {

    /** The most causes named after the failure itself. */
    static final int MAX_CAUSES = 4;
    /** The longest message of one failure in the chain. */
    static final int MAX_MESSAGE = 300;
    /** The longest description of the whole chain. */
    static final int MAX_LENGTH = 1000;

    private LoadFailure() {
    }

    /** {@code failure}'s message, then "; caused by TYPE: MESSAGE" for each cause, on one bounded line. */
    public static String describe(Throwable failure) {
        StringBuilder line = new StringBuilder(message(failure, false));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(failure);
        Throwable cause = failure.getCause();
        int named = 0;
        while (cause != null && seen.add(cause)) {
            if (named == MAX_CAUSES) {
                line.append("; …");
                break;
            }
            line.append("; caused by ").append(message(cause, true));
            named++;
            cause = cause.getCause();
        }
        return cut(line.toString(), MAX_LENGTH);
    }

    private static String message(Throwable failure, boolean typed) {
        String own = failure.getMessage();
        if (own == null || own.isBlank()) {
            return failure.getClass().getName();
        }
        String oneLine = cut(own.strip().replaceAll("\\s*\\R\\s*", " "), MAX_MESSAGE);
        return typed ? failure.getClass().getName() + ": " + oneLine : oneLine;
    }

    private static String cut(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
