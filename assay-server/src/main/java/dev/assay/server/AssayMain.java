package dev.assay.server;

import org.springframework.boot.SpringApplication;

/** Entry point. */
public final class AssayMain {
    public static void main(String[] args) {
        SpringApplication.run(AssayApplication.class, args);
    }
}
