package dev.assay.server.pipeline.behaviour;

import java.util.Arrays;
import java.util.Optional;

/** A kind of behaviour a profile records, with its key as stored and sent and how a sentence names it. */
public enum BehaviourKind {
    NETWORK("network", "connects to"),
    PROGRAM("program", "runs"),
    FILE_WRITE("file-write", "writes"),
    ENV("env", "reads the environment variable"),
    NATIVE_LIB("native-lib", "loads the native library");

    private final String key;
    private final String verb;

    BehaviourKind(String key, String verb) {
        this.key = key;
        this.verb = verb;
    }

    public String key() {
        return key;
    }

    /** What an item of this kind does, as in "runs curl". */
    public String verb() {
        return verb;
    }

    /** The kind with this key, if any. */
    public static Optional<BehaviourKind> ofKey(String key) {
        return Arrays.stream(values()).filter(kind -> kind.key.equals(key)).findFirst();
    }
}
