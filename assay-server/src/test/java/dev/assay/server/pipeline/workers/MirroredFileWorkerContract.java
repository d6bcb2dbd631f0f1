package dev.assay.server.pipeline.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.pipeline.ClaimedJob;
import dev.assay.server.pipeline.WorkerOffer;
import dev.assay.server.pipeline.PipelineFixture;
import dev.assay.server.pipeline.TaskReport;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.StaticUpstream;
import dev.assay.server.upstream.config.UpstreamRepository;
import tools.jackson.databind.JsonNode;

/**
 * A remote worker's side of a mirrored file's pipeline, over the real worker API: it downloads the kept copy as it
 * downloads a hosted file (digest checked), only while it holds that job, and the server adds the metadata check.
 */
abstract class MirroredFileWorkerContract extends PipelineFixture {

    private StaticUpstream upstream;

    @Override
    protected Map<String, Object> pipelineSettings() {
        return Map.of("assay.pipeline.workers", 0, "assay.pipeline.lease", "30s");
    }

    @AfterAll
    void stopUpstream() {
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void aRemoteWorkerDownloadsTheKeptCopyOfTheJobItHoldsOnly() throws Exception {
        upstream = StaticUpstream.serve(Files.createDirectories(data.resolve("upstream-tree")), List.of("itsdangerous"));
        String wheel = upstream.files("itsdangerous").get(0).getFileName().toString();
        UpstreamRepository upstreams = server.bean(UpstreamRepository.class);
        upstreams.insert(upstream.url(), Optional.empty(), Optional.empty(), upstreams.nextPriority(), 0, false,
                Instant.now());
        HttpResponse started = new HttpResponse(admin.post("api/v1/admin/upstream-pipelines",
                "{\"project\":\"itsdangerous\",\"filename\":\"" + wheel + "\"}"));
        long pipeline = started.json().get("id").asLong();
        String secret = server.bean(TokenService.class)
                .create(new NewToken(ADMIN, "worker", null, Set.of(TokenScope.WORKER))).secret();
        HttpJobSource source = new HttpJobSource(URI.create(server.url()), secret);

        ClaimedJob job = eventually("a claim of pipeline " + pipeline, () -> claimed(source, pipeline),
                claimed -> claimed != null);

        assertThat(job.project()).isEqualTo("itsdangerous");
        assertThat(job.upstream()).isEqualTo(upstream.url());
        assertThat(job.version()).isNull();
        assertThat(job.sha256()).hasSize(64);
        Path downloaded = source.fetchDistribution(job, data.resolve("remote-" + job.jobId()));
        assertThat(downloaded).hasSameBinaryContentAs(upstream.files("itsdangerous").get(0));
        assertThat(source.fetchSdist(job, data.resolve("remote-sdist-" + job.jobId()))).isEmpty();
        // a file of the same name that the job does not test: not served, though upstream might list it later
        String notTested = wheel.substring(0, wheel.indexOf('-', "itsdangerous-".length())) + ".tar.gz";
        assertThatThrownBy(() -> source.fetchDistribution(withFile(job, notTested), data.resolve("other")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("HTTP 404")
                .hasMessageContaining("does not stage the file " + notTested);

        Instant now = Instant.now();
        source.result(job, List.of(new TaskReport("install", "passed", now, now, 0, "passed", List.of(), Map.of())));
        JsonNode result = HttpApi.anonymous(server.url()).json("api/v1/pipelines/" + pipeline);
        assertThat(tasks(result).get("metadata").get("outcome").asString()).as(result::toString).isEqualTo("passed");
        assertThat(result.get("status").asString()).isEqualTo("passed");
    }

    /** Claims until the pipeline's job comes, finishing jobs that other tests left. */
    private static ClaimedJob claimed(HttpJobSource source, long pipeline) {
        Optional<ClaimedJob> job = source.claim("remote-vetting", WorkerOffer.UNKNOWN);
        if (job.isPresent() && job.get().pipelineId() != pipeline) {
            source.result(job.get(), brokenMetadataResult());
            return null;
        }
        return job.orElse(null);
    }

    private static ClaimedJob withFile(ClaimedJob job, String filename) {
        return new ClaimedJob(job.jobId(), job.pipelineId(), job.attempt(), job.lease(), job.leaseExpiresAt(),
                job.project(), job.version(), filename, job.fileUrl(), job.sha256(), null, null, null, null,
                job.requestId(), job.upstream());
    }

    private record HttpResponse(java.net.http.HttpResponse<String> response) {
        JsonNode json() {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            return HttpApi.parse(response.body());
        }
    }
}
