package dev.assay.tasks.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What counts as notable in a trace: writes outside {@code allowedWritePrefixes}, opens of paths
 * matching {@code sensitivePaths}; relative paths resolve against {@code workingDirectory}.
 */
public record TracePolicy(String workingDirectory, List<String> allowedWritePrefixes, List<Pattern> sensitivePaths) {

    /** Credentials and secrets a package has no business reading. */
    public static final List<Pattern> SENSITIVE = List.of(
            Pattern.compile("/etc/(g?shadow|sudoers)(-|\\.d/.*)?"),
            Pattern.compile("/etc/ssh/ssh_host_.*_key"),
            Pattern.compile("/(root|home/[^/]+)/\\.(ssh|aws|gnupg|docker|kube|azure|config/gcloud)(/.*)?"),
            Pattern.compile("/(root|home/[^/]+)/\\.(netrc|pypirc|git-credentials|bash_history)"),
            Pattern.compile("/proc/[^/]+/environ"));

    public TracePolicy {
        allowedWritePrefixes = List.copyOf(allowedWritePrefixes);
        sensitivePaths = List.copyOf(sensitivePaths);
    }

    /** Writes allowed only in the workspace (as the sandbox shows it) and to the harmless devices. */
    public static TracePolicy workspaceOnly(String workspace) {
        return new TracePolicy(workspace, List.of(workspace, "/dev/null", "/dev/zero", "/dev/tty", "/dev/pts",
                "/dev/urandom"), SENSITIVE);
    }

    String resolve(String path) {
        return Path.of(workingDirectory).resolve(path).normalize().toString();
    }

    boolean writeAllowed(String absolute) {
        return allowedWritePrefixes.stream().anyMatch(prefix -> absolute.equals(prefix)
                || absolute.startsWith(prefix.endsWith("/") ? prefix : prefix + "/"));
    }

    boolean sensitive(String absolute) {
        return sensitivePaths.stream().anyMatch(pattern -> pattern.matcher(absolute).matches());
    }
}
