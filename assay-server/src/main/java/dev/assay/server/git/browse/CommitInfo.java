package dev.assay.server.git.browse;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A commit as the pages show it: id, first line of the message, author and time. */
public record CommitInfo(String id, String shortId, String subject, String authorName, String authorEmail,
        Instant authoredAt, List<String> parentIds) {

    static CommitInfo of(RevCommit commit) {
        PersonIdent author = commit.getAuthorIdent();
        List<String> parents = Arrays.stream(commit.getParents()).map(RevCommit::name).toList();
        return new CommitInfo(commit.name(), commit.abbreviate(10).name(), commit.getShortMessage(),
                author.getName(), author.getEmailAddress(), author.getWhenAsInstant(), parents);
    }
}
