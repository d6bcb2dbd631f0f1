package dev.assay.server.storage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jakarta.servlet.MultipartConfigElement;

/**
 * The servlet container spools multipart uploads into this server's scratch folder, so what a killed server
 * left half-received is removed at the next start; every limit still comes from {@code spring.servlet.multipart.*}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class MultipartLocation {

    @Bean
    MultipartConfigElement multipartConfigElement(MultipartProperties multipart, ScratchSpace scratch) {
        MultipartConfigElement configured = multipart.createMultipartConfig();
        return new MultipartConfigElement(scratch.directory().toString(), configured.getMaxFileSize(),
                configured.getMaxRequestSize(), configured.getFileSizeThreshold());
    }
}
