package dev.assay.server.git.mirror;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Makes a remote repository's branches and tags those of a local one, like {@code git push --mirror}
 * limited to {@code refs/heads/*} and {@code refs/tags/*}: everything force-pushed, and the branches
 * and tags the local repository no longer has deleted on the remote.
 */
final class MirrorTransport {

    private static final List<RefSpec> MIRRORED = List.of(new RefSpec("+refs/heads/*:refs/heads/*"),
            new RefSpec("+refs/tags/*:refs/tags/*"));
    private static final Set<RemoteRefUpdate.Status> SUCCEEDED = Set.of(RemoteRefUpdate.Status.OK,
            RemoteRefUpdate.Status.UP_TO_DATE, RemoteRefUpdate.Status.NON_EXISTING);
    static final int MAX_ERROR_LENGTH = 1000;

    private final Duration timeout;

    MirrorTransport(Duration timeout) {
        this.timeout = timeout;
    }

    /** Pushes the repository to the mirror; returns why it failed (credentials masked), or empty. */
    Optional<String> push(Repository repository, MirrorUrl url) {
        String remote = url.withoutCredentials();
        CredentialsProvider credentials = url.user()
                .map(user -> new UsernamePasswordCredentialsProvider(user, url.password().orElse(""))).orElse(null);
        int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
        try (Git git = Git.wrap(repository)) {
            List<RefSpec> specs = new ArrayList<>(MIRRORED);
            Set<String> local = repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS, Constants.R_TAGS)
                    .stream().map(Ref::getName).collect(Collectors.toSet());
            git.lsRemote().setRemote(remote).setHeads(true).setTags(true).setTimeout(seconds)
                    .setCredentialsProvider(credentials).call().stream()
                    .map(Ref::getName).filter(name -> !local.contains(name))
                    .forEach(gone -> specs.add(new RefSpec(":" + gone)));
            if (local.isEmpty() && specs.size() == MIRRORED.size()) {
                return Optional.empty(); // both empty: JGit would refuse a push of nothing
            }
            Iterable<PushResult> results = git.push().setRemote(remote).setRefSpecs(specs).setForce(true)
                    .setTimeout(seconds).setCredentialsProvider(credentials)
                    .setProgressMonitor(NullProgressMonitor.INSTANCE).call();
            List<String> rejected = new ArrayList<>();
            for (PushResult result : results) {
                for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                    if (!SUCCEEDED.contains(update.getStatus())) {
                        rejected.add(update.getRemoteName() + ": " + update.getStatus()
                                + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")"));
                    }
                }
            }
            return rejected.isEmpty() ? Optional.empty()
                    : Optional.of(error(url, "the mirror refused " + String.join(", ", rejected)));
        } catch (GitAPIException | java.io.IOException | RuntimeException failure) {
            return Optional.of(error(url, describe(failure)));
        }
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.toString();
    }

    private static String error(MirrorUrl url, String message) {
        String scrubbed = url.scrub(message);
        return scrubbed.length() <= MAX_ERROR_LENGTH ? scrubbed : scrubbed.substring(0, MAX_ERROR_LENGTH);
    }
}
