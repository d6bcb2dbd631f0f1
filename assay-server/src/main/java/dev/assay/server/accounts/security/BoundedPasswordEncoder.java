package dev.assay.server.accounts.security;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Lets only a few password hashes run at once. Each Argon2 hash holds 16 MB while it runs, so fifty sign-ins or
 * password-authenticated uploads at once needed 800 MB of heap (the server died of OutOfMemoryError under a
 * 512 MB heap, and grew to 1.5 GB without a bound); hashing is CPU-bound, so more at once than cores is not
 * faster anyway. The others wait their turn.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Semaphore permits;

    BoundedPasswordEncoder(PasswordEncoder delegate, int concurrentHashes) {
        this.delegate = delegate;
        this.permits = new Semaphore(concurrentHashes, true);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return bounded(() -> delegate.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return bounded(() -> delegate.matches(rawPassword, encodedPassword));
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private <T> T bounded(Supplier<T> hash) {
        permits.acquireUninterruptibly();
        try {
            return hash.get();
        } finally {
            permits.release();
        }
    }
}
