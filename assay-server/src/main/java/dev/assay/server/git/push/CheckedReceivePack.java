package dev.assay.server.git.push;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;

import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.internal.storage.file.ObjectDirectoryPackParser;
import org.eclipse.jgit.internal.storage.file.Pack;
import org.eclipse.jgit.internal.storage.pack.PackExt;
import org.eclipse.jgit.internal.submodule.SubmoduleValidator;
import org.eclipse.jgit.internal.submodule.SubmoduleValidator.SubmoduleValidationException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.GitmoduleEntry;
import org.eclipse.jgit.lib.ObjectChecker;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ConnectivityChecker;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * JGit's receive-pack checking every pushed object as {@code git fsck} does with {@code receive.fsckObjects}
 * (no {@code .git}, {@code ..}, {@code /} or names unsafe on Windows or macOS in trees, well-formed commits
 * and tags, no hostile {@code .gitmodules}, every referenced object present), and keeping nothing of a
 * refused pack: JGit deletes a pack refused while it is read, and this class the one refused by the checks
 * made after it was stored ({@code .gitmodules} and connectivity), which JGit would keep. It uses JGit's
 * internal stored-pack and {@code .gitmodules} classes, the ones {@code ReceivePack} itself uses: no public
 * API names the pack a push stored.
 */
class CheckedReceivePack extends ReceivePack {

    private static final List<PackExt> OF_ONE_PACK = List.of(PackExt.PACK, PackExt.INDEX, PackExt.BITMAP_INDEX,
            PackExt.REVERSE_INDEX, PackExt.OBJECT_SIZE_INDEX);

    /** A receive-pack into the repository that skips the {@code ignored} checks. */
    CheckedReceivePack(Repository repository, Set<ObjectChecker.ErrorType> ignored) {
        super(repository);
        FsckChecker checker = new FsckChecker(ignored);
        setObjectChecker(checker);
        connectivityChecker = new Discarding(connectivityChecker, checker, ignored);
    }

    /**
     * The checks of {@code git fsck} as Git servers run them, with the rules for Windows and macOS paths on;
     * like GitLab, it lets old histories' harmless flaws pass (zero-padded file modes, odd dates), and the
     * checks the administrator chose to skip. Its
     * {@code .gitmodules} files are validated by {@link Discarding}, where a refused pack can still be deleted.
     */
    static final class FsckChecker extends ObjectChecker {

        FsckChecker(Set<ErrorType> ignored) {
            setIgnore(ignored); // first: it starts again from every check
            setSafeForWindows(true);
            setSafeForMacOS(true);
            setAllowLeadingZeroFileMode(true);
            setIgnore(ErrorType.BAD_TIMEZONE, true);
            setIgnore(ErrorType.MISSING_SPACE_BEFORE_DATE, true);
        }

        @Override
        public List<GitmoduleEntry> getGitsubmodules() {
            return List.of();
        }

        List<GitmoduleEntry> gitmodules() {
            return super.getGitsubmodules();
        }
    }

    /** Validates the pushed {@code .gitmodules}, then checks connectivity; deletes the stored pack if either fails. */
    private record Discarding(ConnectivityChecker connectivity, FsckChecker checker,
            Set<ObjectChecker.ErrorType> ignored) implements ConnectivityChecker {

        @Override
        public void checkConnectivity(ConnectivityCheckInfo info, Set<ObjectId> haves,
                ProgressMonitor monitor) throws IOException {
            try {
                for (GitmoduleEntry entry : checker.gitmodules()) {
                    checkGitmodules(info.getRepository().open(entry.getBlobId(), Constants.OBJ_BLOB).getBytes());
                }
                connectivity.checkConnectivity(info, haves, monitor);
            } catch (IOException | RuntimeException refused) {
                discard(info);
                throw refused;
            }
        }

        private void checkGitmodules(byte[] content) throws CorruptObjectException {
            try {
                SubmoduleValidator.assertValidGitModulesFile(new String(content, UTF_8));
            } catch (SubmoduleValidationException refused) {
                ObjectChecker.ErrorType type = refused.getFsckMessageId();
                if (type == null || !ignored.contains(type)) {
                    throw new CorruptObjectException((type == null ? "" : type.getMessageId() + ": ")
                            + refused.getMessage(), refused);
                }
            }
        }

        private static void discard(ConnectivityCheckInfo info) throws IOException {
            // getPack() is null when the pack was already there: then it is not this push's to delete
            if (info.getParser() instanceof ObjectDirectoryPackParser parser && parser.getPack() != null) {
                Pack pack = parser.getPack();
                pack.close();
                for (PackExt extension : OF_ONE_PACK) {
                    Files.deleteIfExists(pack.getPackFile().create(extension).toPath());
                }
            }
        }
    }
}
