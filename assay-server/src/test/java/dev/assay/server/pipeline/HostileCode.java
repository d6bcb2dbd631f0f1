package dev.assay.server.pipeline;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Python code that tries what a malicious package tries — the network (a public address and a listener on
 * this host's loopback), the host's {@code ~/.ssh/authorized_keys} and {@code /tmp}, {@code /etc/shadow},
 * {@code curl}, a fork bomb, a 5 GB file, sleeping forever — and the host-side checks that none of it had an
 * effect. What it appends is a comment line with a unique marker, so even an escape would harm nothing.
 */
final class HostileCode implements AutoCloseable {

    final String marker = "assay-hostile-" + UUID.randomUUID();
    final Path sshKeys = Path.of(System.getProperty("user.home"), ".ssh", "authorized_keys");
    final Path hostTmpFile = Path.of("/tmp", marker);
    private final ServerSocket listener;

    HostileCode() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    int listenerPort() {
        return listener.getLocalPort();
    }

    /** The Python source; its last act is to sleep forever. */
    String python() {
        return """
                import os, socket, subprocess, time

                def attempt(what, action):
                    try:
                        action()
                        print("assay-hostile", what, "succeeded", flush=True)
                    except Exception as e:
                        print("assay-hostile", what, "failed:", e, flush=True)

                def connect(host, port):
                    socket.create_connection((host, port), timeout=3).close()

                def append(path, text):
                    with open(path, "a") as f:
                        f.write(text)

                def fork_bomb():
                    for _ in range(10000):
                        if os.fork() == 0:
                            time.sleep(600)
                            os._exit(0)

                def five_gigabytes():
                    chunk = b"\\0" * (1 << 20)
                    with open("assay-big-file", "wb") as f:
                        for _ in range(5 * 1024):
                            f.write(chunk)

                attempt("connect-public", lambda: connect("1.1.1.1", 443))
                attempt("connect-loopback", lambda: connect("127.0.0.1", %d))
                attempt("ssh-keys", lambda: append("%s", "# %s\\n"))
                attempt("host-tmp", lambda: append("%s", "%s\\n"))
                attempt("shadow", lambda: open("/etc/shadow").read())
                attempt("curl", lambda: subprocess.run(["curl", "-sS", "-m", "5", "http://1.1.1.1/"], check=True))
                attempt("fork-bomb", fork_bomb)
                attempt("five-gigabytes", five_gigabytes)
                time.sleep(10 ** 6)
                """.formatted(listenerPort(), sshKeys, marker, hostTmpFile, marker);
    }

    /** Whether the host kept everything: no connection reached the listener, no file carries the marker. */
    boolean hostUntouched() throws IOException {
        listener.setSoTimeout(200);
        try {
            listener.accept().close();
            return false;
        } catch (SocketTimeoutException nobody) {
            // nothing connected
        }
        boolean keysUntouched = !Files.exists(sshKeys) || !Files.readString(sshKeys).contains(marker);
        return keysUntouched && !Files.exists(hostTmpFile);
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
