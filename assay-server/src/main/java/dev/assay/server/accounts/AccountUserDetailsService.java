package dev.assay.server.accounts;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads a user's password hash and groups for a password login, and upgrades outdated hashes. */
@Component
public class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final UserRepository users;

    AccountUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        StoredCredentials credentials = users.credentials(name)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        List<SimpleGrantedAuthority> authorities = users.groupsOf(credentials.userId()).stream()
                .map(group -> new SimpleGrantedAuthority(Roles.of(group)))
                .toList();
        return org.springframework.security.core.userdetails.User.withUsername(credentials.name())
                .password(credentials.passwordHash())
                .authorities(authorities)
                // a self-registered account signs in only once its email address is verified
                .disabled(!credentials.verified())
                .build();
    }

    @Override
    public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
        users.credentials(user.getUsername())
                .ifPresent(credentials -> users.updatePasswordHash(credentials.userId(), newPasswordHash));
        return org.springframework.security.core.userdetails.User.withUserDetails(user)
                .password(newPasswordHash)
                .build();
    }
}
