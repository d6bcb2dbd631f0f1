package dev.assay.server.index.description;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.util.unit.DataSize;

class DescriptionPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Wiring.class);

    @Test
    void maxSizeDefaultsTo512KiB() {
        context.run(started -> {
            assertThat(started.getBean(DescriptionProperties.class).maxSize()).isEqualTo(DataSize.ofKilobytes(512));
            assertThat(started).hasSingleBean(DescriptionRenderer.class);
        });
    }

    @Test
    void maxSizeIsBoundFromAssayDescriptionMaxSize() {
        context.withPropertyValues("assay.description.max-size=1KB").run(started -> {
            RenderedDescription rendered = started.getBean(DescriptionRenderer.class).render("x".repeat(2000), "text/plain");
            assertThat(rendered.html()).contains("longer than 1 KiB");
        });
    }

    @Test
    void rejectsALimitThatIsNotPositive() {
        assertThatThrownBy(() -> new DescriptionProperties(DataSize.ofBytes(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-size");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DescriptionProperties.class)
    @Import(DescriptionRenderer.class)
    static class Wiring {
    }
}
