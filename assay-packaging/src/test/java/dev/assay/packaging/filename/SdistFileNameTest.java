package dev.assay.packaging.filename;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.packaging.version.Version;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Vectors from pypa/packaging tests/test_utils.py (parse_sdist_filename), plus legacy names. */
class SdistFileNameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "foo-1.0.tar.gz                 | foo             | 1.0         | TAR_GZ",
        "foo-1.0.zip                    | foo             | 1.0         | ZIP",
        "foo_bar-1.0.tar.gz             | foo-bar         | 1.0         | TAR_GZ",
        "Foo.Bar-2!1.0rc1.tar.gz        | foo-bar         | 2!1.0rc1    | TAR_GZ",
        "python-dateutil-2.8.2.tar.gz   | python-dateutil | 2.8.2       | TAR_GZ",
        "foo-bar-baz-1.0.zip            | foo-bar-baz     | 1.0         | ZIP",
        "foo-bar-1.0-dev.zip            | foo-bar         | 1.0.dev0    | ZIP",
        "foo-bar-1.0-post-2.tar.gz      | foo-bar-1-0-post | 2          | TAR_GZ",
        "foo-1.0-1.tar.gz               | foo-1-0         | 1           | TAR_GZ",
        "foo-1.0+local.1.tar.gz         | foo             | 1.0+local.1 | TAR_GZ",
    })
    void parsesNameVersionAndFormat(String fileName, String name, String version, SdistFormat format) {
        SdistFileName sdist = SdistFileName.parse(fileName);
        assertThat(sdist.name().normalized()).isEqualTo(name);
        assertThat(sdist.version()).isEqualTo(Version.parse(version));
        assertThat(sdist.version()).hasToString(Version.parse(version).toString());
        assertThat(sdist.format()).isEqualTo(format);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // pypa/packaging's invalid vectors:
        "foo-1.0.xz           | must end with .tar.gz",
        "foo1.0.tar.gz        | no '-' between the name and the version",
        "foo-1.x.tar.gz       | version '1.x' is not a valid PEP 440 version",
        // further malformed names:
        "-1.0.tar.gz          | project name '' is invalid",
        "foo-.tar.gz          | version '' is not a valid",
        "foo_-1.0.tar.gz      | project name 'foo_' is invalid",
        "foo-1.0.tar.bz2      | must end with .tar.gz",
        "foo-1.0.tgz          | must end with .tar.gz",
        ".tar.gz              | no '-' between",
    })
    void refusesMalformedNamesSayingWhy(String fileName, String problem) {
        assertThatThrownBy(() -> SdistFileName.parse(fileName))
                .isInstanceOf(InvalidFileNameException.class)
                .hasMessageContaining(fileName).hasMessageContaining(problem);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"foo 1.0.tar.gz", "foo-1.0 .tar.gz", "a/foo-1.0.tar.gz", "foo-\u00e9.tar.gz", "--.zip",
        "foo--1.0.tar.gz", "foo-1.0-.zip", "-.tar.gz", "foo-1..0.tar.gz", "foo-99999999999999999999999.x.tar.gz"})
    void refusesGarbageWithTheTypedException(String fileName) {
        assertThatThrownBy(() -> SdistFileName.parse(fileName)).isInstanceOf(InvalidFileNameException.class);
    }
}
