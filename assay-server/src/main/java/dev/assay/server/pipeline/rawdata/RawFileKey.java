package dev.assay.server.pipeline.rawdata;

import java.util.regex.Pattern;

import dev.assay.server.error.InvalidInputException;

/**
 * Where one kept raw-data file belongs: a task's file of one attempt of a pipeline's job. Task and file names
 * are single path segments of letters, digits, dots, dashes and underscores, so they can never leave the
 * job's directory.
 */
public record RawFileKey(long pipelineId, long jobId, int attempt, String task, String name) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public RawFileKey {
        requireName("task", task);
        requireName("file", name);
    }

    /** Whether {@code name} may name a task or a file. */
    static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    static String requireName(String what, String name) {
        if (!isValidName(name)) {
            throw new InvalidInputException("a " + what + " name is 1 to 100 letters, digits, '.', '-' or '_', "
                    + "starting with a letter or digit; '" + name + "' is not");
        }
        return name;
    }
}
