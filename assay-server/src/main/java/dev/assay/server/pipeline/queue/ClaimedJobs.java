package dev.assay.server.pipeline.queue;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.assay.server.index.DistributionFile;
import dev.assay.server.pipeline.ClaimedJob;
import dev.assay.server.pipeline.queue.JobRepository.HeldJob;
import dev.assay.server.pipeline.sourcecommit.ReleaseSource;
import dev.assay.server.pipeline.sourcecommit.ReleaseSources;
import dev.assay.server.pipeline.triggers.ReleaseTags;
import dev.assay.server.pipeline.wheelhouse.IndexWheelhouse;
import dev.assay.server.upstream.files.KeptFile;
import dev.assay.server.upstream.files.UpstreamFileCache;

/** What a worker is told about a job it claimed: the file it tests, its release's sdist, the commit of its sources. */
@Component
public class ClaimedJobs {

    private final IndexWheelhouse wheelhouse;
    private final ReleaseSources sources;
    private final UpstreamFileCache mirrored;

    ClaimedJobs(IndexWheelhouse wheelhouse, ReleaseSources sources, UpstreamFileCache mirrored) {
        this.wheelhouse = wheelhouse;
        this.sources = sources;
        this.mirrored = mirrored;
    }

    /** The claimed job {@code job}, held under {@code lease} until {@code expiry}, as its worker receives it. */
    ClaimedJob of(HeldJob job, String lease, Instant expiry) {
        if (job.filename() == null) {
            return new ClaimedJob(job.id(), job.pipelineId(), job.attempts(), lease, expiry, job.project(),
                    null, null, null, null, null, null, job.gitCommit(), job.gitRef(), job.requestId(), null,
                    job.python());
        }
        if (job.testsMirroredFile()) {
            return mirroredFile(job, lease, expiry);
        }
        String fileUrl = "/files/" + job.project() + "/" + job.filename();
        String sha256 = wheelhouse.file(job.filename()).map(DistributionFile::sha256).orElse(null);
        Optional<DistributionFile> sdist = job.filename().endsWith(".whl")
                ? wheelhouse.sdistFile(job.project(), job.version()) : Optional.empty();
        Optional<ReleaseTags.Tagged> tagged = sdist.isEmpty() ? taggedSource(job) : Optional.empty();
        return new ClaimedJob(job.id(), job.pipelineId(), job.attempts(), lease, expiry, job.project(),
                job.version(), job.filename(), fileUrl, sha256,
                sdist.map(DistributionFile::filename).orElse(null),
                sdist.map(DistributionFile::sha256).orElse(null),
                tagged.map(ReleaseTags.Tagged::commit).orElse(null),
                tagged.map(ReleaseTags.Tagged::ref).orElse(null), job.requestId(), null, job.python());
    }

    // The kept copy is what the worker downloads (the pipeline was started once it was kept): no release, no sdist
    // of its own, no tagged commit; its digest is the kept file's.
    private ClaimedJob mirroredFile(HeldJob job, String lease, Instant expiry) {
        String sha256 = mirrored.find(job.project(), job.filename()).map(KeptFile::sha256).orElse(null);
        return new ClaimedJob(job.id(), job.pipelineId(), job.attempts(), lease, expiry, job.project(), null,
                job.filename(), "/upstream/files/" + job.project() + "/" + job.filename(), sha256, null, null, null,
                null, job.requestId(), job.upstream(), job.python());
    }

    /** The commit whose tree a held job tests (see {@link JobQueue#sourceCommit}). */
    Optional<String> sourceCommit(HeldJob job) {
        if (job.gitCommit() != null) {
            return Optional.of(job.gitCommit());
        }
        if (job.testsMirroredFile()) {
            return Optional.empty();
        }
        boolean wheelWithSdist = job.filename().endsWith(".whl")
                && wheelhouse.sdistFile(job.project(), job.version()).isPresent();
        return wheelWithSdist ? Optional.empty() : taggedSource(job).map(ReleaseTags.Tagged::commit);
    }

    // An sdist's job rebuilds the release from its source (a named commit, else its tag); a wheel's does only when
    // the release has no sdist. A named commit the repository does not hold yet gives no source to rebuild.
    private Optional<ReleaseTags.Tagged> taggedSource(HeldJob job) {
        return sources.of(job.project(), job.version()).filter(ReleaseSource::inRepository)
                .map(source -> new ReleaseTags.Tagged(source.ref(), source.commit()));
    }
}
