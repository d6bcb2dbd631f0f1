package dev.assay.server.index.simple;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.assay.packaging.name.ProjectName;
import dev.assay.server.testing.TestDistributions;

/** Serving distribution and metadata files, as the index links them; run once per database. */
abstract class FileServingContract extends IndexFixture {

    @Test
    void servesFilesWithTypeLengthHashETagAndImmutableCaching() {
        String name = unique("served");
        TestDistributions.Spec spec = spec(name, "1.0");
        byte[] wheel = publishWheel(spec);
        byte[] sdist = publishSdist(spec);
        String base = "files/" + name + "/" + ProjectName.escapeForFilename(name) + "-1.0";

        HttpResponse<byte[]> whl = getBytes(base + "-py3-none-any.whl");
        HttpResponse<byte[]> tar = getBytes(base + ".tar.gz");
        HttpResponse<byte[]> metadata = getBytes(base + "-py3-none-any.whl.metadata");

        assertThat(whl.statusCode()).isEqualTo(200);
        assertThat(whl.body()).isEqualTo(wheel);
        assertThat(header(whl, "Content-Type")).isEqualTo("application/zip");
        assertThat(header(whl, "Content-Length")).isEqualTo(Integer.toString(wheel.length));
        assertThat(header(whl, "ETag")).isEqualTo("\"" + sha256(wheel) + "\"");
        assertThat(header(whl, "Cache-Control")).contains("public", "max-age=31536000", "immutable");
        assertThat(header(whl, "Content-Disposition")).isEqualTo("attachment; filename=\""
                + ProjectName.escapeForFilename(name) + "-1.0-py3-none-any.whl\"");
        assertThat(tar.body()).isEqualTo(sdist);
        assertThat(header(tar, "Content-Type")).isEqualTo("application/gzip");
        assertThat(header(metadata, "Content-Type")).isEqualToIgnoringCase("text/plain;charset=UTF-8");
        assertThat(header(metadata, "ETag")).isEqualTo("\"" + sha256(metadata.body()) + "\"");
        assertThat(new String(metadata.body())).startsWith("Metadata-Version: 2.4");
    }

    @Test
    void servesRangesAndAnswersNotModifiedForTheFilesHash() {
        String name = unique("ranged");
        byte[] wheel = publishWheel(spec(name, "1.0"));
        String file = "files/" + name + "/" + ProjectName.escapeForFilename(name) + "-1.0-py3-none-any.whl";

        HttpResponse<byte[]> range = getBytes(file, "Range", "bytes=10-19");
        HttpResponse<byte[]> tail = getBytes(file, "Range", "bytes=-4");
        HttpResponse<byte[]> notModified = getBytes(file, "If-None-Match", "\"" + sha256(wheel) + "\"");

        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(wheel, 10, 20));
        assertThat(header(range, "Content-Range")).isEqualTo("bytes 10-19/" + wheel.length);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(wheel, wheel.length - 4, wheel.length));
        assertThat(notModified.statusCode()).isEqualTo(304);
        HttpResponse<byte[]> head = head(file);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(header(head, "Content-Length")).isEqualTo(Integer.toString(wheel.length));
        assertThat(head.body()).isEmpty();
    }

    @Test
    void servesOnlyFilesRecordedInTheDatabaseUnderTheirOwnProject() throws IOException {
        String name = unique("guarded");
        String other = unique("other");
        publishWheel(spec(name, "1.0"));
        publishWheel(spec(other, "1.0"));
        String wheel = ProjectName.escapeForFilename(name) + "-1.0-py3-none-any.whl";
        Path stray = data.resolve("files").resolve(name).resolve(ProjectName.escapeForFilename(name)
                + "-9.9-py3-none-any.whl");
        Files.write(stray, new byte[] {1, 2, 3});

        assertThat(getBytes("files/" + name + "/" + wheel).statusCode()).isEqualTo(200);
        assertThat(getBytes("files/" + other + "/" + wheel).statusCode()).isEqualTo(404);
        assertThat(getBytes("files/" + name + "/" + stray.getFileName()).statusCode()).isEqualTo(404);
        assertThat(getBytes("files/" + name + "/" + stray.getFileName() + ".metadata").statusCode()).isEqualTo(404);
        assertThat(getBytes("files/" + name + "/nothing-1.0.tar.gz.metadata").statusCode()).isEqualTo(404);
        assertThat(getBytes("files/" + name + "/..%2F..%2Fdb%2Fassay.mv.db").statusCode()).isIn(400, 404);
        assertThat(getBytes("files/" + name + "/%2E%2E/" + other + "/" + wheel).statusCode()).isIn(400, 404);
    }
}
