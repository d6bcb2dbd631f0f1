package dev.assay.server.git.push;

import java.io.IOException;
import java.util.Locale;

import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.errors.TooLargeObjectInPackException;
import org.eclipse.jgit.errors.TooLargePackException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.UnpackErrorHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

import dev.assay.server.git.GitRepositories;

/**
 * Makes the receive-pack of each push: {@link CheckedReceivePack}'s object checks, the size limits (largest
 * object, largest pack, the room left in the repository) and the reasons git prints when a pack is refused
 * ({@code error: remote unpack failed: error push refused: …}), naming the check or the limit and its setting.
 */
@Component
@ConditionalOnWebApplication
public class PushChecks {

    private final PushSettings settings;
    private final GitRepositories repositories;

    PushChecks(PushSettings settings, GitRepositories repositories) {
        this.settings = settings;
        this.repositories = repositories;
    }

    /** The receive-pack of one push to the project's repository, with its checks and limits. */
    ReceivePack receivePack(Repository repository, String normalizedName) {
        ReceivePack pack = new CheckedReceivePack(repository, settings.ignoredChecks());
        pack.setMaxObjectSizeLimit(settings.maxObjectSize().toBytes());
        long stored = repositories.size(normalizedName);
        long room = Math.max(0, settings.maxRepositorySize().toBytes() - stored);
        boolean repositoryBinds = room < settings.maxPushSize().toBytes();
        pack.setMaxPackSizeLimit(repositoryBinds ? room : settings.maxPushSize().toBytes());
        UnpackErrorHandler standard = pack.getUnpackErrorHandler();
        pack.setUnpackErrorHandler(failure -> standard.handleUnpackException(
                explained(failure, repositoryBinds, normalizedName, stored)));
        return pack;
    }

    private Throwable explained(Throwable failure, boolean repositoryBinds, String name, long stored) {
        if (failure instanceof TooLargeObjectInPackException) {
            return new IOException("push refused: it holds an object (a file) larger than the limit of "
                    + PushSettings.describe(settings.maxObjectSize().toBytes()) + " for one object: keep large files "
                    + "out of git, or an administrator raises assay.git.max-object-size (ASSAY_GIT_MAX_OBJECT_SIZE)",
                    failure);
        }
        if (failure instanceof TooLargePackException && repositoryBinds) {
            return new IOException("push refused: repository '" + name + "' would grow past its limit of "
                    + PushSettings.describe(settings.maxRepositorySize().toBytes()) + " (it holds " + rounded(stored)
                    + "): an administrator raises assay.git.max-repository-size (ASSAY_GIT_MAX_REPOSITORY_SIZE)",
                    failure);
        }
        if (failure instanceof TooLargePackException) {
            return new IOException("push refused: it is larger than the limit of "
                    + PushSettings.describe(settings.maxPushSize().toBytes()) + " for one push: push fewer commits at "
                    + "a time, or an administrator raises assay.git.max-push-size (ASSAY_GIT_MAX_PUSH_SIZE)",
                    failure);
        }
        if (failure instanceof CorruptObjectException) {
            return new IOException("push refused: an object fails git fsck's checks: " + failure.getMessage(),
                    failure);
        }
        return failure;
    }

    private static String rounded(long bytes) {
        return String.format(Locale.ROOT, "%.1fMB", bytes / 1024.0 / 1024.0);
    }
}
