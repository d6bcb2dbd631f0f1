package dev.assay.server.index.simple.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;

/**
 * Compresses a page once, when it is kept: gzip from the JDK, brotli from brotli4j's native library when it loads on
 * this machine (otherwise pages are kept and served with gzip alone, never failing).
 */
@Component
public class Compression {

    private static final Logger LOG = LoggerFactory.getLogger(Compression.class);
    // the densest settings cost tens of milliseconds on a large project list: a middle ground past that size
    private static final int SMALL = 256 * 1024;

    private final boolean brotli;

    public Compression() {
        this.brotli = loadBrotli();
    }

    private static boolean loadBrotli() {
        try {
            Brotli4jLoader.ensureAvailability();
            return true;
        } catch (Throwable unavailable) {
            LOG.info("Brotli is not available on this machine ({}): index pages are compressed with gzip only",
                    unavailable.toString());
            return false;
        }
    }

    /** Whether pages are kept in brotli too. */
    public boolean brotli() {
        return brotli;
    }

    public byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(body.length <= SMALL ? Deflater.BEST_COMPRESSION : Deflater.DEFAULT_COMPRESSION);
            }
        }) {
            gzip.write(body);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    /** The brotli form, or null when brotli is not available (or failed on this page). */
    public byte[] brotli(byte[] body) {
        if (!brotli) {
            return null;
        }
        try {
            return Encoder.compress(body, new Encoder.Parameters().setQuality(body.length <= SMALL ? 11 : 6));
        } catch (IOException | RuntimeException failed) {
            LOG.warn("Brotli could not compress an index page; it is served with gzip", failed);
            return null;
        }
    }
}
