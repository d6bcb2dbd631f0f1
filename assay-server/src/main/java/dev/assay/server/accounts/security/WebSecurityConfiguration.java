package dev.assay.server.accounts.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import tools.jackson.databind.json.JsonMapper;

import dev.assay.server.accounts.Roles;

/**
 * Who may call what over HTTP: machine clients (twine, the REST API) authenticate per request with
 * HTTP Basic and a token or password and hold no session, so they need no CSRF token; people log in
 * with a form and get a session, and every form they post carries a CSRF token.
 */
@Configuration
@ConditionalOnWebApplication
class WebSecurityConfiguration {

    private static final String REALM = "Assay";

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: https:; "
            + "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final CredentialsProblemEntryPoint refused;

    WebSecurityConfiguration(JsonMapper json) {
        this.refused = new CredentialsProblemEntryPoint(REALM, json);
    }

    /**
     * The package index is read by installers: no session, no cookie, nothing to protect from CSRF. Public
     * projects need no credentials; HTTP Basic ones (a password, or {@code __token__} and a token), when sent,
     * identify a reader of private projects, whom the index feature lets in.
     */
    @Bean
    @Order(0)
    SecurityFilterChain indexReaders(HttpSecurity http, AuthenticationManager authentication) throws Exception {
        return http.securityMatcher("/simple", "/simple/**", "/files/**", "/upstream/files/**", "/pypi/**")
                .authenticationManager(authentication)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(refused))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain machineClients(HttpSecurity http, AuthenticationManager authentication) throws Exception {
        return http.securityMatcher("/api/**", "/legacy/**")
                .authenticationManager(authentication)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(refused))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * Git over smart HTTP: cloning and fetching need no credentials for public projects, and credentials sent
     * with them identify a reader of private ones; a push (its ref advertisement and its pack) needs HTTP Basic,
     * and without credentials gets the 401 and {@code WWW-Authenticate} that make git ask for them. Who may read
     * and who may push is decided by the git feature.
     */
    @Bean
    @Order(2)
    SecurityFilterChain gitClients(HttpSecurity http, AuthenticationManager authentication) throws Exception {
        return http.securityMatcher("/git/**")
                .authenticationManager(authentication)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(WebSecurityConfiguration::isGitPush).authenticated()
                        .anyRequest().permitAll())
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(refused))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain people(HttpSecurity http, AuthenticationManager authentication) throws Exception {
        return http.authenticationManager(authentication)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/profile/**").authenticated()
                        .requestMatchers("/notifications", "/notifications/**", "/watching/**").authenticated()
                        .requestMatchers("/projects/new").authenticated()
                        .requestMatchers("/project/*/manage", "/project/*/manage/**").authenticated()
                        .requestMatchers("/project/*/mirrors", "/project/*/mirrors/**").authenticated()
                        .requestMatchers("/project/*/settings", "/project/*/settings/**").authenticated()
                        .requestMatchers("/project/*/merge-gates").authenticated()
                        .requestMatchers("/pipelines/*/rerun").authenticated()
                        .requestMatchers(HttpMethod.POST, "/reviews/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/changes/**").authenticated()
                        .requestMatchers("/project/*/changes/new").authenticated()
                        .requestMatchers(HttpMethod.POST, "/project/*/changes").authenticated()
                        .requestMatchers("/admin/**").hasRole(Roles.ADMIN)
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/profile")
                        .failureHandler(new LoginFailureHandler()).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .csrf(Customizer.withDefaults())
                .build();
    }

    private static boolean isGitPush(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.endsWith("/git-receive-pack")
                || uri.endsWith("/info/refs") && "git-receive-pack".equals(request.getParameter("service"));
    }
}
