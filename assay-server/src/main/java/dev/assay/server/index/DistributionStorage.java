package dev.assay.server.index;

import java.io.IOException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.assay.server.config.AssayProperties;
import dev.assay.server.storage.ObjectStorageSettings;
import dev.assay.server.storage.ObjectStore;
import dev.assay.server.storage.ScratchSpace;

/** Chooses where distribution files live: {@code DATA/files}, or the bucket of {@code assay.storage.kind=s3}. */
@Configuration(proxyBeanMethods = false)
class DistributionStorage {

    @Bean
    @ConditionalOnProperty(prefix = "assay.storage", name = "kind", havingValue = "local", matchIfMissing = true)
    DistributionStore folderDistributions(AssayProperties assay, ScratchSpace scratch) throws IOException {
        return new FileSystemDistributionStore(assay.filesDirectory(), assay.data().resolve("lost+found"), scratch);
    }

    @Bean
    @ConditionalOnProperty(prefix = "assay.storage", name = "kind", havingValue = ObjectStorageSettings.S3)
    DistributionStore objectDistributions(ObjectStore objects, AssayProperties assay, ScratchSpace scratch)
            throws IOException {
        return new ObjectDistributionStore(objects, new FileSystemDistributionStore(
                assay.data().resolve("cache").resolve("files"), assay.data().resolve("lost+found"), scratch));
    }
}
