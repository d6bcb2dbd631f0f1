package dev.assay.server.config;

import java.lang.reflect.Constructor;
import java.util.List;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The beans created at start although beans are created when first needed ({@code spring.main.lazy-initialization}):
 * those whose creation is itself start-up work that must not wait for a first request. Spring Boot already keeps
 * eager the beans with {@code @Scheduled} methods, {@code SmartInitializingSingleton}s and infrastructure; lifecycle
 * beans, servlets, filters and listeners of events are created by what runs them (the start of the lifecycle, the
 * web server, the first event).
 */
@Configuration(proxyBeanMethods = false)
class EagerBeans {

    // static: read by the bean-factory post-processor that marks beans lazy, before any other bean exists
    @Bean
    static LazyInitializationExcludeFilter startUpWork() {
        return (name, definition, type) -> keptEager(definition, type);
    }

    /** Whether a bean is created at start: see {@link EagerBeans}. */
    static boolean keptEager(BeanDefinition definition, Class<?> type) {
        return FlywayMigrationInitializer.class.isAssignableFrom(type) // the schema is migrated before any request
                // the health probes answer from the first request on, without building their checks then
                || HealthContributor.class.isAssignableFrom(type)
                // a wrong setting stops the start, as it did before, rather than a later request
                || AnnotatedElementUtils.hasAnnotation(type, ConfigurationProperties.class)
                // a feature's meters are in /actuator/prometheus from the start, at zero
                || ownMetersAt(type);
    }

    private static boolean ownMetersAt(Class<?> type) {
        if (!type.getName().startsWith("dev.assay.")) {
            return false;
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (List.of(constructor.getParameterTypes()).contains(MeterRegistry.class)) {
                return true;
            }
        }
        return false;
    }
}
