package dev.assay.tasks.plugin;

/** The installed tasks cannot be registered as asked: a name clash, or an unknown task. */
public final class PluginException extends RuntimeException {

    public PluginException(String message) {
        super(message);
    }
}
