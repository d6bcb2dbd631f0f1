package dev.assay.server;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Spring Boot application: the composition root of every feature. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AssayApplication {
}
