package dev.assay.server.cli;

import java.util.concurrent.Callable;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;

import dev.assay.server.AssayApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code assay serve}: runs the server until it is stopped. */
@Command(name = "serve", description = "Start the Assay server (web UI, APIs, git, workers).")
final class ServeCommand implements Callable<Integer> {

    private static final String STARTUP_STEPS = "assay.startup-steps";

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:ASSAY_PORT:-8080}",
            description = "HTTP port (env ASSAY_PORT, default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--review-new-projects", paramLabel = "true|false", arity = "1",
            defaultValue = "${env:ASSAY_REVIEW_NEW_PROJECTS:-true}",
            description = "Hold every new project until its package review is approved (env ASSAY_REVIEW_NEW_PROJECTS, "
                    + "default ${DEFAULT-VALUE}).")
    boolean reviewNewProjects;

    @Mixin
    LaunchOptions launch;

    @Mixin
    MailOptions mail;

    @Mixin
    LogOptions log;

    @Mixin
    UpstreamOptions upstream;

    @Override
    public Integer call() {
        // as a command-line property it wins over the environment, so the option decides when both are given
        SpringApplicationBuilder application = new SpringApplicationBuilder(AssayApplication.class)
                .properties(launch.settings(port).springProperties())
                .properties(mail.springProperties())
                .properties(log.springProperties())
                .properties(upstream.springProperties(System.getenv(UpstreamOptions.ENVIRONMENT)));
        if ("jfr".equals(System.getProperty(STARTUP_STEPS))) {
            // Spring's start-up steps (bean creations, Flyway, …) as JFR events, for bench/startup.sh --steps
            application.applicationStartup(new FlightRecorderApplicationStartup());
        }
        application.run("--assay.review-new-projects=" + reviewNewProjects);
        return AssayCommand.KEEP_RUNNING;
    }
}
