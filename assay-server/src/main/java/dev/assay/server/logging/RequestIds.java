package dev.assay.server.logging;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.slf4j.MDC;

/**
 * The request id: taken from a sane incoming {@code X-Request-Id} or made up, kept in the logging context (MDC) of
 * the thread serving the request, so every log line of the request and every pipeline it creates carries it.
 */
public final class RequestIds {

    /** The HTTP header that carries it, in and out. */
    public static final String HEADER = "X-Request-Id";

    /** Its key in the logging context, hence its field in JSON log lines. */
    public static final String MDC_KEY = "requestId";

    // short and inert: it ends up in log lines, response headers and the database
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private RequestIds() {
    }

    /** The id of the request this thread serves (or the job it runs), if any. */
    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MDC_KEY));
    }

    /**
     * Puts {@code id} (if any) in this thread's logging context until the scope closes: for work done later on
     * behalf of a request, such as a push's pipelines or a job a worker runs.
     */
    public static Scope scope(String id) {
        if (id == null) {
            return () -> { };
        }
        MDC.put(MDC_KEY, id);
        return () -> MDC.remove(MDC_KEY);
    }

    /** A request id's presence in the logging context; closing it removes it again. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** {@code incoming} when it is a short token of letters, digits and {@code . _ : -}; else a new random id. */
    public static String accept(String incoming) {
        if (incoming != null && SANE.matcher(incoming).matches()) {
            return incoming;
        }
        byte[] random = new byte[12];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
