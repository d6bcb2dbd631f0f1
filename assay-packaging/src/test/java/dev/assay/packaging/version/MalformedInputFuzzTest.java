package dev.assay.packaging.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.packaging.PackagingException;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Random near-miss input must either parse or fail with a typed {@link PackagingException}, nothing else. */
class MalformedInputFuzzTest {
    private static final String ALPHABET = "0123456789.!+-_*=<>~, vVaAbBcrRpPoOsStTdDeElL\t;()\u0130\u0660\uFF11";
    private static final int ROUNDS = 20_000;

    @Test
    void versionParsingFailsOnlyWithTypedExceptions() {
        assertOnlyTypedFailures(text -> {
            Version version = Version.parse(text);
            assertThat(Version.parse(version.toString())).isEqualTo(version);
        });
    }

    @Test
    void specifierParsingFailsOnlyWithTypedExceptions() {
        assertOnlyTypedFailures(text -> {
            Specifier specifier = Specifier.parse(text);
            assertThat(Specifier.parse(specifier.toString())).isEqualTo(specifier);
            specifier.contains("1.0");
            specifier.contains(text);
        });
    }

    @Test
    void specifierSetParsingFailsOnlyWithTypedExceptions() {
        assertOnlyTypedFailures(text -> SpecifierSet.parse(text).contains(Version.parse("1.0")));
    }

    private static void assertOnlyTypedFailures(Consumer<String> action) {
        Random random = new Random(440);
        for (int round = 0; round < ROUNDS; round++) {
            String text = randomText(random);
            try {
                action.accept(text);
            } catch (PackagingException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            } catch (RuntimeException unexpected) {
                throw new AssertionError("untyped failure for input '" + text + "'", unexpected);
            }
        }
    }

    private static String randomText(Random random) {
        String[] seeds = {"1.0", "==1.0.*", "~=2.2.post3", ">=1!2.0a1.post3.dev4", "1.0+ubuntu-1", "===x"};
        StringBuilder text = new StringBuilder(seeds[random.nextInt(seeds.length)]);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(text.length() + 1);
            char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            if (random.nextBoolean() || text.length() == 0) {
                text.insert(at, c);
            } else {
                text.deleteCharAt(Math.min(at, text.length() - 1));
            }
        }
        return text.toString();
    }
}
