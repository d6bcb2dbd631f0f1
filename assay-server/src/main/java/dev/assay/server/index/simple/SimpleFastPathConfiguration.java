package dev.assay.server.index.simple;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import dev.assay.server.index.simple.cache.ChangeWatch;
import dev.assay.server.index.simple.cache.PageStore;

/** Puts {@link SimpleFastPath} first in the servlet filters, after the request id alone. */
@Configuration
class SimpleFastPathConfiguration {

    @Bean
    FilterRegistrationBean<SimpleFastPath> simpleFastPath(PageStore store, ChangeWatch watch) {
        FilterRegistrationBean<SimpleFastPath> registration =
                new FilterRegistrationBean<>(new SimpleFastPath(store, watch));
        registration.addUrlPatterns("/simple/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
