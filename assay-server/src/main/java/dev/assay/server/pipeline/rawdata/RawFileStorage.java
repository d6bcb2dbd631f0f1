package dev.assay.server.pipeline.rawdata;

import java.nio.file.Path;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.assay.server.config.AssayProperties;
import dev.assay.server.storage.ObjectStorageSettings;
import dev.assay.server.storage.ObjectStore;

/** Chooses where kept raw-data files live: {@code DATA/pipelines}, or the bucket of {@code assay.storage.kind=s3}. */
@Configuration(proxyBeanMethods = false)
class RawFileStorage {

    @Bean
    @ConditionalOnProperty(prefix = "assay.storage", name = "kind", havingValue = "local", matchIfMissing = true)
    RawFileStore folderRawFiles(AssayProperties assay) {
        return new FolderRawFileStore(assay.data().resolve("pipelines"));
    }

    @Bean
    @ConditionalOnProperty(prefix = "assay.storage", name = "kind", havingValue = ObjectStorageSettings.S3)
    RawFileStore objectRawFiles(ObjectStore objects, AssayProperties assay) {
        Path copies = assay.data().resolve("cache").resolve("pipelines");
        return new ObjectRawFileStore(objects, new FolderRawFileStore(copies));
    }
}
