package dev.assay.server.upstream.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameRuleTest {

    @Test
    void aPatternWithoutStarsMatchesOnlyThatName() {
        assertThat(NameRule.matches("acme-tools", "acme-tools")).isTrue();
        assertThat(NameRule.matches("acme-tools", "acme-tools-extra")).isFalse();
        assertThat(NameRule.matches("acme-tools", "xacme-tools")).isFalse();
    }

    @Test
    void aStarStandsForAnyRunOfCharacters() {
        assertThat(NameRule.matches("acme-*", "acme-")).isTrue();
        assertThat(NameRule.matches("acme-*", "acme-internal-db")).isTrue();
        assertThat(NameRule.matches("acme-*", "acm-e")).isFalse();
        assertThat(NameRule.matches("*-internal", "billing-internal")).isTrue();
        assertThat(NameRule.matches("*", "anything")).isTrue();
    }

    @Test
    void regexCharactersInAPatternAreLiteral() {
        assertThat(NameRule.matches("a.b", "a.b")).isTrue();
        assertThat(NameRule.matches("a.b", "axb")).isFalse();
        assertThat(NameRule.matches("a+b", "aab")).isFalse();
    }
}
