package dev.assay.server.accounts.registration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether people may create their own accounts at start ({@code assay.registration}, off by default); an
 * administrator's switch, kept in the database, replaces it at once on every server.
 */
@ConfigurationProperties("assay")
public record RegistrationSettings(@DefaultValue("false") boolean registration) {
}
