package dev.assay.server.index.contents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends a request target exactly as written (no client normalising it first) and reads the status code back. */
final class RawRequests {

    private RawRequests() {
    }

    /** The status of {@code GET target} on the server at localhost:{@code port}. */
    static int status(int port, String target) {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            if (!head.startsWith("HTTP/1.1 ")) {
                throw new AssertionError("not an HTTP response to " + target + ": " + head);
            }
            return Integer.parseInt(head.substring(9, 12));
        } catch (IOException failure) {
            throw new UncheckedIOException("request for " + target + " failed", failure);
        }
    }
}
