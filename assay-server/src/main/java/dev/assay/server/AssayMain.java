package dev.assay.server;

import dev.assay.server.cli.AssayCommand;

/** The {@code assay} executable: {@code serve} runs the server, the other commands administer it. */
public final class AssayMain {

    private AssayMain() {
    }

    public static void main(String[] args) {
        int exitCode = AssayCommand.execute(args);
        if (exitCode != AssayCommand.KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }
}
