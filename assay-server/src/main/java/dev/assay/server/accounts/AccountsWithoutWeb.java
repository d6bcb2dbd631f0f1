package dev.assay.server.accounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.assay.server.accounts.security.SecurityConfiguration;
import dev.assay.server.accounts.tokens.TokenRepository;
import dev.assay.server.accounts.tokens.TokenService;

/**
 * The accounts and tokens services alone, for the admin commands' small application context (no web server, no
 * security filters). Not a {@code @Configuration}, so that the server's component scan never registers it twice.
 */
@Import({UserRepository.class, TokenRepository.class, AccountService.class, TokenService.class})
public class AccountsWithoutWeb {

    @Bean
    PasswordEncoder passwordEncoder() {
        return SecurityConfiguration.argon2();
    }
}
