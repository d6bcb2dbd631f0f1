package dev.assay.server.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import dev.assay.server.config.AssayProperties;

/**
 * This server's folder for temporary files under {@code DATA/tmp}: the servlet container's multipart files and
 * unfinished uploads. What servers that ended before finishing left there is removed when the next one starts.
 */
@Component
public class ScratchSpace implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ScratchSpace.class);

    private final OwnedFolder folder;

    ScratchSpace(AssayProperties properties) throws IOException {
        Path root = properties.data().resolve("tmp");
        this.folder = OwnedFolder.claim(root);
        if (folder.cleared() > 0) {
            LOG.info("Removed {} temporary files left in {} by servers that ended before finishing", folder.cleared(), root);
        }
    }

    /** The folder. */
    public Path directory() {
        return folder.path();
    }

    /** A new empty temporary file in this server's folder. */
    public Path newFile(String prefix, String suffix) throws IOException {
        return Files.createTempFile(folder.path(), prefix, suffix);
    }

    /** A new empty temporary folder in this server's folder. */
    public Path newDirectory(String prefix) throws IOException {
        return Files.createTempDirectory(folder.path(), prefix);
    }

    @Override
    public void destroy() throws IOException {
        folder.close();
    }
}
