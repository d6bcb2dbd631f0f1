package dev.assay.server.cli;

import java.util.concurrent.Callable;

import org.springframework.boot.builder.SpringApplicationBuilder;

import dev.assay.server.AssayApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code assay serve}: runs the server until it is stopped. */
@Command(name = "serve", description = "Start the Assay server (web UI, APIs, git, workers).")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:ASSAY_PORT:-8080}",
            description = "HTTP port (env ASSAY_PORT, default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Mixin
    LaunchOptions launch;

    @Mixin
    MailOptions mail;

    @Override
    public Integer call() {
        new SpringApplicationBuilder(AssayApplication.class)
                .properties(launch.settings(port).springProperties())
                .properties(mail.springProperties())
                .run();
        return AssayCommand.KEEP_RUNNING;
    }
}
