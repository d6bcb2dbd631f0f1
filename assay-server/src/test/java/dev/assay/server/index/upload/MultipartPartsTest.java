package dev.assay.server.index.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.core.MultipartInput.MalformedStreamException;
import org.junit.jupiter.api.Test;

class MultipartPartsTest {

    private static final String BOUNDARY = "b0undary-7MA4YWxkTrZu0gW";

    @Test
    void readsEachPartsHeadersAndBodyFileFirstOrLast() throws Exception {
        byte[] file = random(200_000, 1);
        for (boolean fileFirst : new boolean[] {true, false}) {
            Body body = new Body();
            if (fileFirst) {
                body.file(file);
            }
            body.field("name", "demo").field("version", "1.0");
            if (!fileFirst) {
                body.file(file);
            }

            List<byte[]> parts = read(body.close(), Integer.MAX_VALUE);

            assertThat(parts).hasSize(3);
            assertThat(parts.get(fileFirst ? 0 : 2)).isEqualTo(file);
            assertThat(new String(parts.get(fileFirst ? 1 : 0), StandardCharsets.UTF_8)).isEqualTo("demo");
        }
    }

    @Test
    void delimiterSplitAcrossReadsAndBufferEdgesIsFound() throws Exception {
        // file sizes around the 64 KB buffer put the delimiter across a refill; 1..7 byte reads split it everywhere
        for (int size = 64 * 1024 - 60; size < 64 * 1024 + 10; size += 3) {
            byte[] file = random(size, size);
            byte[] form = new Body().file(file).field("name", "demo").close();
            for (int readSize : new int[] {1, 7, 4096, Integer.MAX_VALUE}) {
                List<byte[]> parts = read(form, readSize);
                assertThat(parts.get(0)).as("size %d, reads of %d", size, readSize).isEqualTo(file);
                assertThat(parts.get(1)).isEqualTo("demo".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void nearDelimitersInTheContentAreContent() throws Exception {
        String delimiter = "\r\n--" + BOUNDARY;
        List<String> near = new ArrayList<>();
        for (int length = 1; length < delimiter.length(); length++) {
            near.add(delimiter.substring(0, length));
        }
        near.addAll(List.of("--" + BOUNDARY, "\n--" + BOUNDARY, "\r--" + BOUNDARY, "\r\n-" + BOUNDARY,
                "\r\n--" + BOUNDARY.substring(1), "\r\n\r\n--" + BOUNDARY.substring(0, 5) + "\r\n", "\r", "\r\n"));
        for (String content : near) {
            for (String file : List.of(content, "x" + content, content + "x", content + content + "tail")) {
                byte[] bytes = file.getBytes(StandardCharsets.ISO_8859_1);
                List<byte[]> parts = read(new Body().file(bytes).close(), 5);
                assertThat(parts).as(file).hasSize(1);
                assertThat(parts.get(0)).as(file).isEqualTo(bytes);
            }
        }
    }

    @Test
    void emptyPartsAndPreambleAndEpilogueAreRead() throws Exception {
        byte[] form = ("preamble, ignored\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
                + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"x.whl\"\r\n\r\n"
                + "\r\n--" + BOUNDARY + "--\r\nepilogue, ignored").getBytes(StandardCharsets.UTF_8);

        List<byte[]> parts = read(form, 3);

        assertThat(parts).hasSize(2).allSatisfy(part -> assertThat(part).isEmpty());
    }

    @Test
    void headersAreReturnedWithTheirEmptyLine() throws Exception {
        byte[] form = new Body().field("name", "demo").close();
        MultipartParts parts = parts(form, Integer.MAX_VALUE, Long.MAX_VALUE);

        assertThat(parts.nextHeaders()).isEqualTo("Content-Disposition: form-data; name=\"name\"\r\n\r\n");
        assertThat(parts.body().readAllBytes()).isEqualTo("demo".getBytes(StandardCharsets.UTF_8));
        assertThat(parts.nextHeaders()).isNull();
        assertThat(parts.nextHeaders()).isNull();
    }

    @Test
    void unreadBodiesAreSkipped() throws Exception {
        byte[] form = new Body().file(random(300_000, 3)).field("name", "demo").close();
        MultipartParts parts = parts(form, 1000, Long.MAX_VALUE);

        parts.nextHeaders();
        assertThat(parts.nextHeaders()).contains("name=\"name\"");
        assertThat(parts.body().readAllBytes()).isEqualTo("demo".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bodyEndingBeforeItsClosingDelimiterIsMalformed() {
        byte[] form = new Body().file(random(100_000, 4)).close();
        for (int cut : new int[] {0, 10, 50_000, form.length - 4, form.length - 3}) {
            byte[] cutShort = Arrays.copyOf(form, cut);
            assertThatThrownBy(() -> read(cutShort, 4096)).as("cut at %d", cut)
                    .isInstanceOf(MalformedStreamException.class);
        }
    }

    @Test
    void anythingButCrlfOrDashesAfterADelimiterIsMalformed() {
        byte[] form = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--" + BOUNDARY
                + "X\r\n").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read(form, 4096)).isInstanceOf(MalformedStreamException.class)
                .hasMessageContaining("boundary");
    }

    @Test
    void headerSectionLongerThanTheLimitIsRefused() {
        byte[] form = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Padding: " + "x".repeat(200_000)
                + "\r\n\r\nb\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parts(form, 4096, Long.MAX_VALUE).nextHeaders())
                .isInstanceOf(FileUploadSizeException.class).hasMessageStartingWith("Header section");
    }

    @Test
    void bodyLongerThanTheRequestLimitIsRefusedWhileReading() {
        byte[] form = new Body().file(random(500_000, 5)).close();

        assertThatThrownBy(() -> {
            MultipartParts parts = parts(form, 4096, 200_000);
            parts.nextHeaders();
            parts.body().readAllBytes();
        }).isInstanceOf(FileUploadSizeException.class).hasMessageContaining("exceeds the configured maximum");
    }

    @Test
    void searchFindsWhatANaiveSearchFinds() {
        Random random = new Random(6);
        for (int round = 0; round < 2_000; round++) {
            byte[] pattern = new byte[1 + random.nextInt(6)];
            byte[] text = new byte[random.nextInt(60)];
            // a two-letter alphabet makes matches and near matches frequent
            fill(random, pattern);
            fill(random, text);
            int from = text.length == 0 ? 0 : random.nextInt(text.length);

            assertThat(new DelimiterSearch(pattern).indexIn(text, from, text.length))
                    .as("%s in %s from %d", Arrays.toString(pattern), Arrays.toString(text), from)
                    .isEqualTo(naiveIndex(pattern, text, from));
        }
    }

    private static void fill(Random random, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) ('a' + random.nextInt(2));
        }
    }

    private static int naiveIndex(byte[] pattern, byte[] text, int from) {
        for (int at = from; at + pattern.length <= text.length; at++) {
            if (Arrays.equals(text, at, at + pattern.length, pattern, 0, pattern.length)) {
                return at;
            }
        }
        return -1;
    }

    /** Every part's body, the stream read {@code readSize} bytes at a time at most. */
    private static List<byte[]> read(byte[] form, int readSize) throws IOException {
        MultipartParts parts = parts(form, readSize, Long.MAX_VALUE);
        List<byte[]> bodies = new ArrayList<>();
        while (parts.nextHeaders() != null) {
            bodies.add(parts.body().readAllBytes());
        }
        return bodies;
    }

    private static MultipartParts parts(byte[] form, int readSize, long sizeMax) {
        InputStream trickle = new ByteArrayInputStream(form) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                return super.read(buffer, offset, Math.min(length, readSize));
            }
        };
        return new MultipartParts(trickle, BOUNDARY.getBytes(StandardCharsets.US_ASCII), 8192, sizeMax);
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** A multipart/form-data body as twine sends it. */
    private static final class Body {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Body field(String name, String value) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Body file(byte[] file) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"content\"; "
                    + "filename=\"demo-1.0-py3-none-any.whl\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            return this;
        }

        byte[] close() {
            out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }
    }
}
