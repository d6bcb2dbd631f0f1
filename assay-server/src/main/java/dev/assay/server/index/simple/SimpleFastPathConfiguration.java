package dev.assay.server.index.simple;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ServerHttpObservationFilter;

import io.micrometer.core.instrument.MeterRegistry;

import dev.assay.server.index.simple.cache.ChangeWatch;
import dev.assay.server.index.simple.cache.PageStore;

/**
 * Puts {@link SimpleFastPath} first in the servlet filters, after the request id alone, and the HTTP metrics' filter
 * ({@code http.server.requests}) just after the index's fast paths.
 */
@Configuration
class SimpleFastPathConfiguration {

    /** Where the fast paths go: after the request id (and the malformed-{@code Accept} guard), before the metrics. */
    static final int FAST_PATHS = Ordered.HIGHEST_PRECEDENCE + 1;

    @Bean
    FilterRegistrationBean<SimpleFastPath> simpleFastPath(PageStore store, ChangeWatch watch, MeterRegistry meters) {
        FilterRegistrationBean<SimpleFastPath> registration =
                new FilterRegistrationBean<>(new SimpleFastPath(store, watch, meters));
        registration.addUrlPatterns("/simple/*");
        registration.setOrder(FAST_PATHS);
        return registration;
    }

    /**
     * Moves Spring Boot's observation filter behind the fast paths: it is registered at their order, so which ran
     * first was left to registration order, and timing a request answered from memory would cost about as much as
     * answering it. Fast-path answers are counted by {@code assay.index.fast.answers} instead.
     */
    @Bean
    static BeanPostProcessor metricsAfterFastPaths() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof FilterRegistrationBean<?> registration
                        && registration.getFilter() instanceof ServerHttpObservationFilter) {
                    registration.setOrder(FAST_PATHS + 1);
                }
                return bean;
            }
        };
    }
}
