package dev.assay.server.upstream.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NameRulesPatternTest {

    @Test
    void aPatternIsANormalizedNameWithStars() {
        assertThat(NameRules.pattern("acme-*")).isEqualTo("acme-*");
        assertThat(NameRules.pattern("*-internal")).isEqualTo("*-internal");
        assertThat(NameRules.pattern("*")).isEqualTo("*");
        assertThat(NameRules.pattern(" Acme_Tools.Core ")).isEqualTo("acme-tools-core");
    }

    @Test
    void whatIsNoProjectNameIsRefused() {
        for (String bad : new String[] {"acme-", "-acme", "ac me", "acme/*", "acmé", "a*?", "<script>"}) {
            assertThatThrownBy(() -> NameRules.pattern(bad)).as(bad)
                    .hasMessageContaining("is not a project name with * for any run of characters");
        }
        assertThatThrownBy(() -> NameRules.pattern("  ")).hasMessageContaining("Missing pattern");
        assertThatThrownBy(() -> NameRules.pattern("a".repeat(201))).hasMessageContaining("at most 200");
    }
}
