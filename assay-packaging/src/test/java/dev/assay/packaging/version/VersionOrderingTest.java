package dev.assay.packaging.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionOrderingTest {
    /** The sorted list from pypa/packaging's tests/test_version.py, each entry strictly greater than the last. */
    static final List<String> SORTED = List.of(
            "1.0.dev0", "1.0.dev456", "1.0.dev456+local", "1.0a0", "1.0a0.post0.dev0", "1.0a0.post0",
            "1.0a1.dev1", "1.0a1.dev1+local", "1.0a1", "1.0a1+local", "1.0b0", "1.0b1.dev456", "1.0b2",
            "1.0b2.post345.dev456", "1.0b2.post345", "1.0b2-346", "1.0rc0", "1.0rc1.dev1", "1.0c1", "1.0rc2",
            "1.0", "1.0.post0.dev0", "1.0.post0", "1.0.post456.dev34", "1.0.post456", "1.0.post456+local",
            "1.0.1.dev1", "1.0.1a1", "1.0.1", "1.0.1+local", "1.0.1.post1", "1.1.dev1",
            "1.2+a", "1.2+abc", "1.2+abcdef", "1.2+def", "1.2+0", "1.2+1", "1.2+1.abc", "1.2+1.1", "1.2+1.1.0",
            "1.2+2", "1.2+123", "1.2+123456", "1.2.r32+123456", "1.2.rev33+123456",
            "1!1.0.dev0", "1!1.0.dev456", "1!1.0.dev456+local", "1!1.0a0", "1!1.0a0.post0.dev0", "1!1.0a0.post0",
            "1!1.0a1.dev1", "1!1.0a1.dev1+local", "1!1.0a1", "1!1.0a1+local", "1!1.0b0", "1!1.0b1.dev456",
            "1!1.0b2", "1!1.0b2.post345.dev456", "1!1.0b2.post345", "1!1.0b2-346", "1!1.0rc0", "1!1.0rc1.dev1",
            "1!1.0c1", "1!1.0rc2", "1!1.0", "1!1.0.post0.dev0", "1!1.0.post0", "1!1.0.post456.dev34",
            "1!1.0.post456", "1!1.0.post456+local", "1!1.0.1.dev1", "1!1.0.1a1", "1!1.0.1", "1!1.0.1+local",
            "1!1.0.1.post1", "1!1.1.dev1", "1!1.2+a", "1!1.2+abc", "1!1.2+abcdef", "1!1.2+def", "1!1.2+0",
            "1!1.2+1", "1!1.2+1.abc", "1!1.2+1.1", "1!1.2+1.1.0", "1!1.2+2", "1!1.2+123", "1!1.2+123456",
            "1!1.2.r32+123456", "1!1.2.rev33+123456");

    @Test
    void comparesEveryPairOfTheReferenceListConsistently() {
        List<Version> versions = SORTED.stream().map(Version::parse).toList();
        for (int i = 0; i < versions.size(); i++) {
            for (int j = 0; j < versions.size(); j++) {
                Version left = versions.get(i);
                Version right = versions.get(j);
                assertThat(Integer.signum(left.compareTo(right)))
                        .as("%s vs %s", left, right)
                        .isEqualTo(Integer.compare(i, j));
                assertThat(left.equals(right)).as("%s equals %s", left, right).isEqualTo(i == j);
            }
        }
    }

    @Test
    void sortsAShuffledReferenceListBackIntoOrder() {
        List<Version> shuffled = new ArrayList<>(SORTED.stream().map(Version::parse).toList());
        Collections.shuffle(shuffled, new Random(440));
        Collections.sort(shuffled);
        assertThat(shuffled).extracting(Version::toString)
                .containsExactlyElementsOf(SORTED.stream().map(s -> Version.parse(s).toString()).toList());
    }

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource({
        "1.0, 1.0.0", "1.0, 1.0.0.0.0", "1, 1.0", "1.0.post1, 1.0-1", "1.0rc1, 1.0c1", "1.0rc1, 1.0pre1",
        "1.0rc1, 1.0preview1", "1.0a0, 1.0alpha", "1.0.post0, 1.0r", "1.0.post2, 1.0rev2", "v1.0, 1.0",
        "0!1.0, 1.0", "1.0+ubuntu-1, 1.0+ubuntu.1", "1.0+ubuntu_1, 1.0+UBUNTU.1", "1.0+1, 1.0+01",
        "1.0.dev0, 1.0dev", "1.01, 1.1",
    })
    void treatsEquivalentSpellingsAsEqualWithEqualHashes(String left, String right) {
        Version a = Version.parse(left);
        Version b = Version.parse(right);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.compareTo(b)).isZero();
    }

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
        "2.0, 1!2.0", "1!1.0, 2!0.1", "99999, 1!0", "1.0.dev0, 1.0a0.dev0", "1.0a0.dev0, 1.0a0",
        "1.0, 1.0.post0.dev0", "1.0.post0.dev0, 1.0.post0", "1.0, 1.0+local", "1.0+local, 1.0.post0",
        "1.0+abc, 1.0+1", "1.0+1.abc, 1.0+1.1", "1.0+1, 1.0+1.0", "1.9, 1.10", "1.0.0, 1.0.1",
        "1.0rc1, 1.0", "1.0b9, 1.0rc0", "1.0a9, 1.0b0", "1.0.dev9, 1.0a0", "1.0a1.post1, 1.0a2.dev0",
        "1.0+9, 1.0+10", "1.0+99999999999999999999998, 1.0+99999999999999999999999",
        "9223372036854775806, 9223372036854775807",
    })
    void ordersLeftBeforeRight(String lower, String higher) {
        assertThat(Version.parse(lower)).isLessThan(Version.parse(higher));
        assertThat(Version.parse(higher)).isGreaterThan(Version.parse(lower));
        assertThat(Version.parse(lower)).isNotEqualTo(Version.parse(higher));
    }
}
