package dev.assay.server.accounts.security;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.assay.server.accounts.AccountUserDetailsService;
import dev.assay.server.accounts.tokens.TokenAuthenticationProvider;
import dev.assay.server.accounts.tokens.TokenService;

/** How secrets are checked: passwords hashed with Argon2, API tokens by their SHA-256. */
@Configuration
public class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return argon2();
    }

    /** The password encoder of every process: Argon2, with as many hashes at once as the machine has cores. */
    public static PasswordEncoder argon2() {
        String current = "argon2";
        return new BoundedPasswordEncoder(new DelegatingPasswordEncoder(current,
                Map.of(current, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8())),
                Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    @Bean
    AuthenticationManager authenticationManager(AccountUserDetailsService userDetails, PasswordEncoder passwordEncoder,
            TokenService tokens) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(userDetails);
        passwords.setPasswordEncoder(passwordEncoder);
        passwords.setUserDetailsPasswordService(userDetails);
        ProviderManager manager = new ProviderManager(new TokenAuthenticationProvider(tokens), passwords);
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }
}
