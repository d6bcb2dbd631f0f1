package dev.assay.server.pipeline.workers;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.assay.packaging.archive.ArchiveFormat;
import dev.assay.packaging.archive.ArchiveLimits;
import dev.assay.packaging.archive.SafeArchive;
import dev.assay.packaging.requirement.MarkerEnvironment;
import dev.assay.server.error.ConflictException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.pipeline.AssayVersion;
import dev.assay.server.pipeline.ClaimedJob;
import dev.assay.server.pipeline.TaskReport;
import dev.assay.server.pipeline.WorkerOffer;
import dev.assay.server.pipeline.plugins.TaskState;
import dev.assay.server.pipeline.queue.JobQueue.WorkerLogLine;
import dev.assay.server.pipeline.wheelhouse.IndexWheelhouse;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worker API over HTTP, for {@code assay worker}: the token goes only to the given server, every download
 * comes from it (an address naming another host is refused), redirects are not followed, and every staged
 * file is checked against the digest the server gave.
 */
final class HttpJobSource implements JobSource {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final URI server;
    private final String authorization;
    private final String host = hostName();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    HttpJobSource(URI server, String token) {
        String text = server.toString();
        if (!("https".equals(server.getScheme()) || "http".equals(server.getScheme())) || server.getHost() == null) {
            throw new IllegalArgumentException("the server must be an http(s) URL such as https://assay.example.org, "
                    + "was '" + text + "'");
        }
        this.server = URI.create(text.endsWith("/") ? text : text + "/");
        this.authorization = "Basic " + java.util.Base64.getEncoder()
                .encodeToString(("__token__:" + token).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** This machine's host name, as a worker reports it; "localhost" when it has none. */
    static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException unnamed) {
            return "localhost";
        }
    }

    /** Checks the server is an Assay server that takes this token for the worker API; else says what is wrong. */
    void hello() {
        HttpResponse<String> answer;
        try {
            answer = send(request("api/worker/hello?version=" + java.net.URLEncoder.encode(AssayVersion.current(),
                    java.nio.charset.StandardCharsets.UTF_8)).GET(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException unreachable) {
            throw new JobSource.Refused("cannot reach the Assay server at " + server + ": " + unreachable);
        }
        refuseForGood(answer.statusCode(), answer.body());
        if (answer.statusCode() != 200 || !answer.body().contains("\"worker\"")) {
            throw new JobSource.Refused(server + " does not answer the Assay worker API (HTTP " + answer.statusCode()
                    + " for /api/worker/hello): is this the Assay server's URL?");
        }
        // a server older than the version check answers without refusing: the worker refuses it instead
        JsonNode version = json.readTree(answer.body()).get("version");
        AssayVersion.mismatch(AssayVersion.current(), version == null ? "unknown" : version.asString())
                .ifPresent(why -> {
                    throw new JobSource.Refused("the Assay server " + server + " refuses this worker: " + why);
                });
    }

    @Override
    public Optional<ClaimedJob> claim(String worker, WorkerOffer offer) {
        HttpResponse<String> answer = post("api/worker/claim", Map.of("worker", worker, "host", host, "offer", offer));
        if (answer.statusCode() == 204) {
            return Optional.empty();
        }
        return Optional.of(json.readValue(answer.body(), ClaimedJob.class));
    }

    @Override
    public TaskState taskState() {
        try {
            HttpResponse<String> answer = send(request("api/worker/tasks").GET(), HttpResponse.BodyHandlers.ofString());
            check(answer.statusCode(), answer.body());
            return json.readValue(answer.body(), TaskState.class);
        } catch (IOException failed) {
            throw new java.io.UncheckedIOException("the Assay server " + server + " did not answer: " + failed, failed);
        }
    }

    @Override
    public Instant heartbeat(ClaimedJob job) {
        JsonNode answer = json.readTree(post(jobPath(job, "heartbeat"), Map.of("lease", job.lease())).body());
        return Instant.parse(answer.get("leaseExpiresAt").asString());
    }

    @Override
    public void log(ClaimedJob job, List<WorkerLogLine> lines) {
        post(jobPath(job, "log"), Map.of("lease", job.lease(), "lines", lines));
    }

    @Override
    public void attach(ClaimedJob job, String task, String name, Path file) throws IOException {
        HttpResponse<String> answer = send(request(jobPath(job, "files/" + task + "/" + name))
                .header(WorkerApiController.LEASE_HEADER, job.lease()).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofFile(file)), HttpResponse.BodyHandlers.ofString());
        check(answer.statusCode(), answer.body());
    }

    @Override
    public void result(ClaimedJob job, List<TaskReport> tasks) {
        post(jobPath(job, "result"), Map.of("lease", job.lease(), "tasks", tasks));
    }

    @Override
    public Path fetchDistribution(ClaimedJob job, Path directory) throws IOException {
        return download(job, job.filename(), job.sha256(), directory);
    }

    @Override
    public Optional<Path> fetchSdist(ClaimedJob job, Path directory) throws IOException {
        return job.sdist() == null ? Optional.empty() : Optional.of(download(job, job.sdist(), job.sdistSha256(), directory));
    }

    @Override
    public CommitCheckout.Checkout fetchSource(ClaimedJob job, Path directory) throws IOException {
        Path tar = Files.createTempFile(Files.createDirectories(directory.getParent()), "source", ".tar.gz");
        try {
            HttpResponse<Path> answer = send(leased(job, "source").GET(),
                    HttpResponse.BodyHandlers.ofFile(tar));
            check(answer.statusCode(), answer.statusCode() < 300 ? "" : Files.readString(tar));
            Files.createDirectories(directory);
            try (SafeArchive archive = SafeArchive.open(tar, ArchiveFormat.TAR_GZ, ArchiveLimits.defaults())) {
                archive.extractTo(directory);
                long bytes = archive.entries().stream().mapToLong(entry -> entry.size()).sum();
                String leftOut = answer.headers().firstValue("Assay-Left-Out").orElse("");
                return new CommitCheckout.Checkout(directory, archive.entries().size(), bytes,
                        leftOut.isEmpty() ? List.of() : List.of(leftOut.split(",")), commitTime(answer));
            }
        } finally {
            Files.deleteIfExists(tar);
        }
    }

    private static long commitTime(HttpResponse<Path> answer) throws IOException {
        String time = answer.headers().firstValue(WorkerApiController.COMMIT_TIME_HEADER).orElse("");
        try {
            return Long.parseLong(time);
        } catch (NumberFormatException missing) {
            throw new IOException("the server sent the source tree without a commit time ("
                    + WorkerApiController.COMMIT_TIME_HEADER + ": '" + time + "')");
        }
    }

    @Override
    public IndexWheelhouse.Resolution stageDependencies(ClaimedJob job, Path wheel, MarkerEnvironment environment,
            Path wheelhouse) throws IOException {
        // a commit's dependencies are what the wheel built from it requires; a release's, those and what the index knows
        return stage(job, environment, "requiresDist", IndexWheelhouse.requiresDistOf(wheel), wheelhouse);
    }

    @Override
    public IndexWheelhouse.Resolution stageBuildRequirements(ClaimedJob job, List<String> requirements,
            MarkerEnvironment environment, Path wheelhouse) throws IOException {
        return stage(job, environment, "buildRequires", requirements, wheelhouse);
    }

    // Asks the wheelhouse endpoint what `requirements` (sent as `field`) resolve to and downloads the wheels.
    private IndexWheelhouse.Resolution stage(ClaimedJob job, MarkerEnvironment environment, String field,
            List<String> requirements, Path wheelhouse) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lease", job.lease());
        body.put("python", Map.of("version", environment.pythonFullVersion(), "platform", environment.sysPlatform(),
                "machine", environment.platformMachine()));
        body.put(field, requirements);
        WheelhouseAnswer answer = json.readValue(post(jobPath(job, "wheelhouse"), body).body(), WheelhouseAnswer.class);
        Files.createDirectories(wheelhouse);
        for (WheelhouseAnswer.File file : answer.staged()) {
            download(job, file.filename(), file.sha256(), wheelhouse);
        }
        return new IndexWheelhouse.Resolution(answer.staged().stream().map(file -> new IndexWheelhouse.Staged(
                file.requirement(), file.project(), file.version(), file.filename(), file.upstream())).toList(),
                answer.unresolved());
    }

    /** The worker API's answer to a wheelhouse request. */
    record WheelhouseAnswer(List<File> staged, List<IndexWheelhouse.Unresolved> unresolved) {
        record File(String requirement, String project, String version, String filename, String url, String sha256,
                String upstream) {
        }
    }

    private Path download(ClaimedJob job, String filename, String sha256, Path directory) throws IOException {
        if (filename == null || !filename.matches("[A-Za-z0-9._+!-]+") || filename.startsWith(".")) {
            throw new IOException("the server named an unsafe file: '" + filename + "'");
        }
        if (sha256 == null) {
            throw new IOException("the server gave no sha256 for " + filename + ": it cannot be checked");
        }
        Files.createDirectories(directory);
        Path target = directory.resolve(filename);
        Path partial = directory.resolve("." + filename + ".part");
        HttpResponse<InputStream> answer = send(leased(job, "download/" + filename).GET(),
                HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest digest = sha256();
        try (InputStream body = new DigestInputStream(answer.body(), digest)) {
            if (answer.statusCode() != 200) {
                check(answer.statusCode(), new String(body.readNBytes(4000)));
            }
            Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equalsIgnoreCase(sha256)) {
            Files.deleteIfExists(partial);
            throw new IOException("the download of " + filename + " has sha256 " + actual + ", not " + sha256);
        }
        return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private HttpResponse<String> post(String path, Object body) {
        try {
            HttpResponse<String> answer = send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))),
                    HttpResponse.BodyHandlers.ofString());
            check(answer.statusCode(), answer.body());
            return answer;
        } catch (IOException failed) {
            throw new java.io.UncheckedIOException("the Assay server " + server + " did not answer: " + failed, failed);
        }
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) throws IOException {
        try {
            return http.send(request.build(), body);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while talking to " + server);
        }
    }

    private HttpRequest.Builder leased(ClaimedJob job, String what) {
        return request(jobPath(job, what)).header(WorkerApiController.LEASE_HEADER, job.lease());
    }

    private HttpRequest.Builder request(String path) {
        URI target = server.resolve(path);
        // only the given server sees the token: a path that resolves elsewhere is a bug or an attack
        if (!target.getScheme().equals(server.getScheme()) || !target.getAuthority().equals(server.getAuthority())) {
            throw new IllegalArgumentException("refusing to send the worker token to " + target);
        }
        return HttpRequest.newBuilder(target).timeout(TIMEOUT).header("Authorization", authorization);
    }

    private static String jobPath(ClaimedJob job, String what) {
        return "api/worker/jobs/" + job.jobId() + "/" + what;
    }

    private void check(int status, String body) {
        refuseForGood(status, body);
        if (status == 409) {
            throw new ConflictException(message(body, "the lease is lost"));
        }
        if (status == 400) {
            throw new InvalidInputException(message(body, "refused as invalid"));
        }
        if (status >= 300) {
            throw new IllegalStateException("the Assay server answered HTTP " + status + ": " + message(body, ""));
        }
    }

    private void refuseForGood(int status, String body) {
        if (status == 426) {
            throw new JobSource.Refused("the Assay server " + server + " refuses this worker: "
                    + message(body, "another Assay version"));
        }
        if (status == 401 || status == 403) {
            throw new JobSource.Refused("the Assay server " + server + " refused the worker token (HTTP " + status
                    + "): " + message(body, status == 401 ? "unknown or revoked token"
                    : "the token lacks the worker scope or its owner is not an administrator"));
        }
    }

    private String message(String body, String otherwise) {
        try {
            JsonNode node = json.readTree(body);
            JsonNode detail = node.has("detail") ? node.get("detail") : node.get("message");
            return detail == null ? otherwise : detail.asString();
        } catch (RuntimeException notJson) {
            return body == null || body.isBlank() ? otherwise : body.substring(0, Math.min(body.length(), 300));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
