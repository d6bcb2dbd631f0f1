package dev.assay.packaging.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The matching table of pypa/packaging's tests/test_specifiers.py, with pre-releases allowed. */
class SpecifierMatchingTest {

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
        "2.0, ==2", "2.0, ==2.0", "2.0, ==2.0.0", "2.0+deadbeef, ==2", "2.0+deadbeef, ==2.0",
        "2.0+deadbeef, ==2.0.0", "2.0+deadbeef, ==2+deadbeef", "2.0+deadbeef, ==2.0+deadbeef",
        "2.0+deadbeef, ==2.0.0+deadbeef", "2.0+deadbeef.0, ==2.0.0+deadbeef.00",
        "2.dev1, ==2.*", "2a1, ==2.*", "2a1.post1, ==2.*", "2b1, ==2.*", "2b1.dev1, ==2.*", "2c1, ==2.*",
        "2c1.post1.dev1, ==2.*", "2c1.post1.dev1, ==2.0.*", "2rc1, ==2.*", "2rc1, ==2.0.*", "2, ==2.*",
        "2, ==2.0.*", "2, ==2.0.0.*", "2, ==0!2.*", "0!2, ==2.*", "2.0, ==2.*", "2.0.0, ==2.*",
        "2.0.0.0, ==2.0.*", "2.1+local.version, ==2.1.*", "1.0+local, ==1.*",
        "2.1, !=2", "2.1, !=2.0", "2.0.1, !=2", "2.0.1, !=2.0", "2.0.1, !=2.0.0", "2.0, !=2.0+deadbeef",
        "2.0, !=3.*", "2.1, !=2.0.*", "3, !=2.0.0.*", "2.1.0.0, !=2.0.*",
        "2.0, >=2", "2.0, >=2.0", "2.0, >=2.0.0", "2.0.post1, >=2", "2.0.post1.dev1, >=2", "3, >=2",
        "3.0.0a8, >=3.0.0a7", "2.0+local, >=2",
        "2.0, <=2", "2.0, <=2.0", "2.0, <=2.0.0", "2.0.dev1, <=2", "2.0a1, <=2", "2.0a1.dev1, <=2", "2.0b1, <=2",
        "2.0b1.post1, <=2", "2.0c1, <=2", "2.0c1.post1.dev1, <=2", "2.0rc1, <=2", "1, <=2", "3.0.0a7, <=3.0.0a8",
        "2.0+local, <=2",
        "3, >2", "2.1, >2.0", "2.0.1, >2", "2.1.post1, >2", "2.1+local.version, >2", "3.0.0a8, >3.0.0a7",
        "1, <2", "2.0, <2.1", "2.0.dev0, <2.1", "3.0.0a7, <3.0.0a8",
        "1, ~=1.0", "1.0.1, ~=1.0", "1.1, ~=1.0", "1.9999999, ~=1.0", "1.1, ~=1.0a1", "2022.01.01, ~=2022.01.01",
        "2!1.0, ~=2!1.0", "2!1.0, ==2!1.*", "2!1.0, ==2!1.0", "2!1.0, !=1.0", "2!1.0.0, ==2!1.0.0.0.*",
        "2!1.0.0, ==2!1.0.*", "2!1.0.0, ==2!1.*", "1.0, !=2!1.0", "1.0, <=2!0.1", "2!1.0, >=2.0", "1.0, <2!0.1",
        "2!1.0, >2.0", "2.0.5, >2.0dev",
        "1.0+local, >1.0.dev1", "4.1.0a2.dev1235+local, >4.1.0a2.dev1234", "1.0a2+local, >1.0a1",
        "1.0b2+local, >1.0b1", "1.0rc2+local, >1.0rc1", "1.0.post2+local, >1.0.post1", "1.0.dev2+local, >1.0.dev1",
        "1.0a1.dev2+local, >1.0a1.dev1", "1.0.post1.dev2+local, >1.0.post1.dev1",
        // compatible release on a post-release: ~=2.2.post3 is >=2.2.post3, ==2.*
        "2.2.post3, ~=2.2.post3", "2.2.post4, ~=2.2.post3", "2.3, ~=2.2.post3", "2.9.9, ~=2.2.post3",
        "1.4.5a4, ~=1.4.5a4", "1.4.5, ~=1.4.5a4", "1.4.9, ~=1.4.5a4", "2.2.0, ~=2.2", "1.4.5.0, ~=1.4.5.0",
        // >V.postN allows later post-releases of V and later releases
        "1.7.0.post3, >1.7.post2", "1.7.1, >1.7.post2",
        // the pre-release/post-release families of a different V are fine
        "1.0.post0, >1.0.dev1", "1.0.post0, >1.0a1", "1.0a2.post0, >1.0a1", "1.1.post0, >1.0.dev1",
        "1.0.dev0, <1.0.post1", "1.0a1, <1.0.post1", "1.0.post0.dev0, <1.0.post1", "1.0, <1.0.post1",
        "1.0+local, <1.0.post1", "1.0.post0+local, <1.0.post1", "0.9.dev0, <1.0.post1", "0.9.dev1, <1.0",
        "1.0.dev1, <1.0.dev2", "1.0a1, <1.0a2",
    })
    void matches(String version, String spec) {
        assertThat(Specifier.parse(spec).contains(Version.parse(version), true)).isTrue();
        assertThat(Specifier.parse(spec).contains(version, true)).isTrue();
    }

    @ParameterizedTest(name = "{0} not in {1}")
    @CsvSource({
        "2.1, ==2", "2.1, ==2.0", "2.1, ==2.0.0", "2.0, ==2.0+deadbeef",
        "2.0, ==3.*", "2.1, ==2.0.*", "3, ==2.0.0.*", "2.1.0.0, ==2.0.*", "2.0, ==20.*", "20.0, ==2.*",
        "2.0, !=2", "2.0, !=2.0", "2.0, !=2.0.0", "2.0+deadbeef, !=2", "2.0+deadbeef, !=2.0",
        "2.0+deadbeef, !=2.0.0", "2.0+deadbeef, !=2+deadbeef", "2.0+deadbeef, !=2.0+deadbeef",
        "2.0+deadbeef, !=2.0.0+deadbeef", "2.0+deadbeef.0, !=2.0.0+deadbeef.00",
        "2.dev1, !=2.*", "2a1, !=2.*", "2a1.post1, !=2.*", "2b1, !=2.*", "2b1.dev1, !=2.*", "2c1, !=2.*",
        "2c1.post1.dev1, !=2.*", "2c1.post1.dev1, !=2.0.*", "2rc1, !=2.*", "2rc1, !=2.0.*", "2, !=2.*",
        "2, !=2.0.*", "2, !=2.0.0.*", "2.0, !=2.*", "2.0.0, !=2.*", "2.0.0.0, !=2.0.*", "1.0+local, !=1.*",
        "2.0.dev1, >=2", "2.0a1, >=2", "2.0a1.dev1, >=2", "2.0b1, >=2", "2.0b1.post1, >=2", "2.0c1, >=2",
        "2.0c1.post1.dev1, >=2", "2.0rc1, >=2", "1, >=2",
        "2.0.post1, <=2", "2.0.post1.dev1, <=2", "3, <=2",
        "1, >2", "2.0.dev1, >2", "2.0a1, >2", "2.0a1.post1, >2", "2.0b1, >2", "2.0b1.dev1, >2", "2.0c1, >2",
        "2.0c1.post1.dev1, >2", "2.0rc1, >2", "2.0, >2", "2.0.post1, >2", "2.0.post1.dev1, >2",
        "2.0+local.version, >2", "4.1.0a2.dev1234+local, >4.1.0a2.dev1234",
        "1.0a1+local, >1.0a1", "1.0b1+local, >1.0b1", "1.0rc1+local, >1.0rc1", "1.0.post1+local, >1.0.post1",
        "1.0.dev1+local, >1.0.dev1", "1.0a1.dev1+local, >1.0a1.dev1", "1.0.post1.dev1+local, >1.0.post1.dev1",
        "2.0.dev1, <2", "2.0a1, <2", "2.0a1.post1, <2", "2.0b1, <2", "2.0b2.dev1, <2", "2.0c1, <2",
        "2.0c1.post1.dev1, <2", "2.0rc1, <2", "2.0, <2", "2.post1, <2", "2.post1.dev1, <2", "3, <2",
        "2.0, ~=1.0", "1.1.0, ~=1.0.0", "1.1.post1, ~=1.0.0", "1.0, ~=1.0.1", "0.9, ~=1.0",
        "1.0, ~=2!1.0", "2!1.0, ~=1.0", "2!1.0, ==1.0", "1.0, ==2!1.0", "2!1.0, ==1.0.0.*", "1.0, ==2!1.0.0.*",
        "2!1.0, ==1.*", "1.0, ==2!1.*", "2!1.0, !=2!1.0",
        // compatible release on a post-release
        "2.2, ~=2.2.post3", "2.2.post2, ~=2.2.post3", "3.0, ~=2.2.post3", "1.4.5a3, ~=1.4.5a4", "1.5, ~=1.4.5a4",
        // >V must not match V's own post-releases, <V must not match V's own pre-releases
        "1.7.0.post1, >1.7", "1.7.0, >1.7.post2", "1.0a1.post0, >1.0a1", "1.0b2.post0, >1.0b2",
        "1.0rc1.post0, >1.0rc1", "1.0.post0, >1.0", "0.9.post0, >1.0", "1.0.dev0, >1.0.dev1",
        "1.0.post1.dev0, <1.0.post1", "1.0.post0.dev0, <1.0.post0", "1.0.0.dev1, <1.0", "1.0rc1, <1",
    })
    void doesNotMatch(String version, String spec) {
        assertThat(Specifier.parse(spec).contains(Version.parse(version), true)).isFalse();
        assertThat(Specifier.parse(spec).contains(version, true)).isFalse();
    }

    @ParameterizedTest(name = "{1} === {0}: {2}")
    @CsvSource({
        "1.0, ===1.0, true", "1.0.0, ===1.0, false", "1.0.dev0, ===1.0, false", "1.0.dev0, ===1.0.dev0, true",
        "1.0+downstream1, ===1.0, false", "1.0, ===1.0+downstream1, false", "foobar, ===foobar, true",
        "foobar, ===baz, false", "1.0A1, ===1.0a1, true", "1.0.POST1, ===1.0.post1, true",
        "1.0+ABC.DEF, ===1.0+abc.def, true", "LoLWaT, ===lOlwAt, true", "1.01, ===1.1, false",
        "1.01, ===1.01, true", "1.a1, ===1a1, false", "0!1.0, ===1.0, false", "1.0-1, ===1.0.post1, false",
        "1.0.dev01, ===1.0.dev1, false",
    })
    void comparesArbitraryEqualityAsWrittenIgnoringCase(String candidate, String spec, boolean expected) {
        assertThat(Specifier.parse(spec).contains(candidate, true)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1} === Version({0}): {2}")
    @CsvSource({
        "1.01, ===1.1, true", "1.01, ===1.01, false", "1.a1, ===1a1, true", "0!1.0, ===1.0, true",
        "1.0-1, ===1.0.post1, true", "1.0.dev01, ===1.0.dev1, true", "01.0, ===1.0, true",
    })
    void comparesArbitraryEqualityAgainstTheNormalisedFormOfAVersion(String version, String spec, boolean expected) {
        assertThat(Specifier.parse(spec).contains(Version.parse(version), true)).isEqualTo(expected);
    }
}
