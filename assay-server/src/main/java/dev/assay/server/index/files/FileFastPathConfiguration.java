package dev.assay.server.index.files;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.micrometer.core.instrument.MeterRegistry;

import dev.assay.server.index.DistributionStore;
import dev.assay.server.index.simple.KeptFiles;
import dev.assay.server.index.simple.cache.FastPaths;

/** Puts {@link FileFastPath} with the index's other fast path: after the request id, ahead of the HTTP metrics. */
@Configuration
class FileFastPathConfiguration {

    @Bean
    FilterRegistrationBean<FileFastPath> fileFastPath(KeptFiles kept, DistributionStore store, MeterRegistry meters) {
        FilterRegistrationBean<FileFastPath> registration = new FilterRegistrationBean<>(new FileFastPath(kept, store,
                FastPaths.answered(meters, "file"), FastPaths.answered(meters, "metadata"),
                FileService.metadataRequests(meters)));
        registration.addUrlPatterns("/files/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1); // with the simple fast path
        return registration;
    }
}
