package dev.assay.server.git.push;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.eclipse.jgit.lib.ObjectChecker;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How pushes are checked: the largest object (a file's contents; GitHub refuses files over 100 MB), the
 * largest pack of one push (2 GB, as GitHub), the largest repository object store on disk (10 GB, as the
 * upload limit of a project and GitLab.com), and the {@code git fsck} checks to skip, named by git's message
 * ids as in {@code receive.fsck.<id>=ignore} (such as {@code win32BadName}).
 */
@ConfigurationProperties("assay.git")
public record PushSettings(
        @DefaultValue("100MB") DataSize maxObjectSize,
        @DefaultValue("2GB") DataSize maxPushSize,
        @DefaultValue("10GB") DataSize maxRepositorySize,
        @DefaultValue("") List<String> fsckIgnore) {

    public PushSettings {
        fsckIgnore = List.copyOf(fsckIgnore);
        ignoredChecks(fsckIgnore); // an unknown id stops the server at start, naming the known ones
    }

    /** The checks {@link #fsckIgnore()} names. */
    Set<ObjectChecker.ErrorType> ignoredChecks() {
        return ignoredChecks(fsckIgnore);
    }

    private static Set<ObjectChecker.ErrorType> ignoredChecks(List<String> ids) {
        Set<ObjectChecker.ErrorType> ignored = EnumSet.noneOf(ObjectChecker.ErrorType.class);
        for (String id : ids) {
            if (id.isBlank()) {
                continue;
            }
            ignored.add(Arrays.stream(ObjectChecker.ErrorType.values())
                    .filter(type -> type.getMessageId().equalsIgnoreCase(id.strip())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("assay.git.fsck-ignore: '" + id
                            + "' is not a git fsck message id; known ones: " + Arrays.stream(
                                    ObjectChecker.ErrorType.values()).map(ObjectChecker.ErrorType::getMessageId)
                                    .toList())));
        }
        return ignored;
    }

    /** A size as it is written in the settings, such as {@code 100MB} or {@code 1536KB}. */
    static String describe(long bytes) {
        for (String unit : new String[] {"TB", "GB", "MB", "KB"}) {
            long factor = DataSize.parse("1" + unit).toBytes();
            if (bytes >= factor && bytes % factor == 0) {
                return bytes / factor + unit;
            }
        }
        return bytes + "B";
    }
}
