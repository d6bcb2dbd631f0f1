package dev.assay.packaging.filename;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.packaging.name.ProjectName;
import dev.assay.packaging.version.Version;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Vectors from pypa/packaging tests/test_utils.py (parse_wheel_filename), plus the spec's tricky cases. */
class WheelFileNameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "foo-1.0-py3-none-any.whl                | foo          | 1.0    | ''      | py3-none-any",
        "some_PACKAGE-1.0-py3-none-any.whl       | some-package | 1.0    | ''      | py3-none-any",
        "foo-1.0-1000-py3-none-any.whl           | foo          | 1.0    | 1000    | py3-none-any",
        "foo-1.0-1000abc-py3-none-any.whl        | foo          | 1.0    | 1000abc | py3-none-any",
        "foo_bar-1.0-42-py2.py3-none-any.whl     | foo-bar      | 1.0    | 42      | py2-none-any py3-none-any",
        "pyvirtualcam-0.13.0-cp310-cp310-manylinux2014_x86_64.manylinux_2_17_x86_64.whl | pyvirtualcam | 0.13.0 | ''"
                + " | cp310-cp310-manylinux2014_x86_64 cp310-cp310-manylinux_2_17_x86_64",
        "pyvirtualcam-0.13.0-cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64.whl | pyvirtualcam | 0.13.0 | ''"
                + " | cp310-cp310-manylinux_2_17_x86_64 cp310-cp310-manylinux2014_x86_64",
        "foo-1.0-py3.py2-none-any.whl            | foo          | 1.0    | ''      | py3-none-any py2-none-any",
    })
    void parsesPackagingVectors(String fileName, String name, String version, String build, String tags) {
        WheelFileName wheel = WheelFileName.parse(fileName);
        assertThat(wheel.name().normalized()).isEqualTo(name);
        assertThat(wheel.version()).isEqualTo(Version.parse(version));
        assertThat(wheel.buildTag().map(BuildTag::toString)).isEqualTo(build.isEmpty() ? Optional.empty() : Optional.of(build));
        assertThat(wheel.tags()).containsExactlyElementsOf(List.of(tags.split(" ")));
    }

    @Test
    void exposesEveryPart() {
        WheelFileName wheel = WheelFileName.parse("Zope.Interface-5.4.0-7b-cp38.cp39-cp38.abi3-MANYLINUX1_X86_64.whl");
        assertThat(wheel.name()).isEqualTo(ProjectName.of("zope.interface"));
        assertThat(wheel.name().display()).isEqualTo("Zope.Interface");
        assertThat(wheel.version()).hasToString("5.4.0");
        assertThat(wheel.buildTag()).contains(new BuildTag(7, "b"));
        assertThat(wheel.pythonTags()).containsExactly("cp38", "cp39");
        assertThat(wheel.abiTags()).containsExactly("cp38", "abi3");
        assertThat(wheel.platformTags()).containsExactly("manylinux1_x86_64");
        assertThat(wheel.tags()).containsExactly("cp38-cp38-manylinux1_x86_64", "cp38-abi3-manylinux1_x86_64",
                "cp39-cp38-manylinux1_x86_64", "cp39-abi3-manylinux1_x86_64");
    }

    @Test
    void saysAVersionTooLongForAnIndexIsTooLong() {
        assertThatThrownBy(() -> WheelFileName.parse("foo-1." + "0".repeat(219) + "-py3-none-any.whl"))
                .isInstanceOf(InvalidFileNameException.class)
                .hasMessageContaining("too long").hasMessageNotContaining("not a valid PEP 440");
        assertThatThrownBy(() -> WheelFileName.parse("foo-" + "1".repeat(121) + "-py3-none-any.whl"))
                .hasMessageContaining("too long");
    }

    @Test
    void refusesAFileNameLongerThanAFileSystemAllows() {
        String longest = "a".repeat(255 - "-1.0-py3-none-any.whl".length()) + "-1.0-py3-none-any.whl";
        assertThat(WheelFileName.parse(longest).version()).hasToString("1.0");
        assertThatThrownBy(() -> WheelFileName.parse("a" + longest)).isInstanceOf(InvalidFileNameException.class)
                .hasMessageContaining("too long (256 characters)");
        assertThatThrownBy(() -> DistributionFileName.parse("a".repeat(300) + "-1.0.tar.gz"))
                .hasMessageContaining("too long");
    }

    @Test
    void normalisesTheVersion() {
        assertThat(WheelFileName.parse("foo-1.0RC1.POST2-py3-none-any.whl").version()).hasToString("1.0rc1.post2");
    }

    @Test
    void equalityIgnoresTagOrderLikePackagingsFrozenSets() {
        assertThat(WheelFileName.parse("foo-1.0-py3.py2-none-any.whl"))
                .isEqualTo(WheelFileName.parse("foo-1.0-py2.py3-none-any.whl"));
    }

    @Test
    void ordersBuildTagsByNumberThenRest() {
        List<BuildTag> sorted = List.of("10", "2b", "2", "2a", "01").stream()
                .map(text -> BuildTag.parse(text, "x.whl")).sorted().toList();
        assertThat(sorted).containsExactly(new BuildTag(1, ""), new BuildTag(2, ""), new BuildTag(2, "a"),
                new BuildTag(2, "b"), new BuildTag(10, ""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // pypa/packaging's invalid vectors:
        "foo-1.0.whl                          | 2 '-'-separated parts",
        "foo-1.0-py3-none-any.wheel           | must end with .whl",
        "foo__bar-1.0-py3-none-any.whl        | contains '__'",
        "foo#bar-1.0-py3-none-any.whl         | project name 'foo#bar' is invalid",
        "foobar-1.x-py3-none-any.whl          | version '1.x' is not a valid PEP 440 version",
        "foo-1.0-abc-py3-none-any.whl         | build tag 'abc' must start with a digit",
        "foo-1.0-200-py3-none-any-junk.whl    | 7 '-'-separated parts",
        // packaging accepts non-ASCII names (foo_bár); core metadata names are ASCII, so an index refuses them.
        "foo_bár-1.0-py3-none-any.whl         | project name 'foo_bár' is invalid",
        // further malformed names:
        "-1.0-py3-none-any.whl                | project name '' is invalid",
        "_foo-1.0-py3-none-any.whl            | project name '_foo' is invalid",
        "foo--py3-none-any.whl                | version '' is not a valid",
        "foo-1.0--py3-none-any.whl            | build tag '' must start with a digit",
        "foo-1.0-py3--any.whl                 | ABI tag set ''",
        "foo-1.0-py3..py2-none-any.whl        | Python tag set 'py3..py2'",
        "foo-1.0-py3-none-.whl                | platform tag set ''",
        "foo-1.0-py3-none-any+x.whl           | platform tag set 'any+x'",
        "foo-1.0-99999999999999999999-py3-none-any.whl | too large",
        ".whl                                 | 1 '-'-separated parts",
        "foo-1.0-py3-none-any.WHL             | must end with .whl",
    })
    void refusesMalformedNamesSayingWhy(String fileName, String problem) {
        assertThatThrownBy(() -> WheelFileName.parse(fileName))
                .isInstanceOf(InvalidFileNameException.class)
                .hasMessageContaining(fileName).hasMessageContaining(problem);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"foo-1.0-py3-none-any .whl", "dir/foo-1.0-py3-none-any.whl", "foo-1.0-py3-none-any.whl\n",
        "..\\foo-1.0-py3-none-any.whl", "foo\u0000-1.0-py3-none-any.whl", "-", "--", "-----.whl", "a-b-c-d-e-f-g.whl",
        "foo-1.0-1-2-py3-none-any.whl", "foo-v-py3-none-any.whl", "foo-1.0-py3-none-any"})
    void refusesGarbageWithTheTypedException(String fileName) {
        assertThatThrownBy(() -> WheelFileName.parse(fileName)).isInstanceOf(InvalidFileNameException.class);
    }

    @Test
    void tagSetsAreImmutable() {
        WheelFileName wheel = WheelFileName.parse("foo-1.0-py3-none-any.whl");
        assertThatThrownBy(() -> wheel.tags().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> wheel.pythonTags().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(wheel.abiTags()).isEqualTo(Set.of("none"));
    }
}
