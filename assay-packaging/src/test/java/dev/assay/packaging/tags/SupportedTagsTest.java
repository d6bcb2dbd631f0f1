package dev.assay.packaging.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.packaging.filename.WheelFileName;
import dev.assay.packaging.requirement.MarkerEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The expected tag lists were written by pypa/packaging 26.2 itself (the first line of each file says how): the
 * real {@code sys_tags()} of this machine's CPython 3.11 on Debian bookworm, and {@code cpython_tags} plus
 * {@code compatible_tags} with {@code _linux_platforms()} for a patched machine and glibc.
 */
class SupportedTagsTest {

    private static final TargetPython CP311_X86_64 = TargetPython.of(MarkerEnvironment.cpython("3.11.7", "linux", "x86_64"));

    @Test
    void listsWhatPackagingSysTagsListsOnBookworm() {
        assertThat(SupportedTags.of(CP311_X86_64).ordered()).containsExactlyElementsOf(expected("cp311-linux-x86_64-glibc-2.36.txt"));
    }

    @Test
    void listsManylinuxFrom2_17OnAarch64() {
        TargetPython target = TargetPython.of(MarkerEnvironment.cpython("3.12.1", "linux", "aarch64"), Glibc.parse("2.28"));
        assertThat(SupportedTags.of(target).ordered()).containsExactlyElementsOf(expected("cp312-linux-aarch64-glibc-2.28.txt"));
    }

    @Test
    void listsManylinuxDownTo2_5OnX86ForAnOldGlibc() {
        TargetPython target = TargetPython.of(MarkerEnvironment.cpython("3.13.0", "linux", "x86_64"), new Glibc(2, 17));
        assertThat(SupportedTags.of(target).ordered()).containsExactlyElementsOf(expected("cp313-linux-x86_64-glibc-2.17.txt"));
    }

    @Test
    void listsTheOneWindowsPlatform() {
        TargetPython target = TargetPython.of(MarkerEnvironment.cpython("3.12.0", "win32", "AMD64"));
        assertThat(SupportedTags.of(target).ordered()).containsExactlyElementsOf(expected("cp312-win-amd64.txt"));
    }

    @Test
    void assumesBookwormsGlibcWhenNoneIsGiven() {
        assertThat(CP311_X86_64.glibc()).isEqualTo(new Glibc(2, 36));
        assertThat(SupportedTags.of(CP311_X86_64).ordered().get(0)).isEqualTo("cp311-cp311-manylinux_2_36_x86_64");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl                            | true",
        "simplejson-3.19.2-cp311-cp311-manylinux_2_5_x86_64.manylinux1_x86_64.manylinux_2_17_x86_64.manylinux2014_x86_64.whl | true",
        "psycopg2_binary-2.9.9-cp311-cp311-manylinux2010_x86_64.whl                                        | true",
        "cffi-1.16.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl                             | true",
        "cryptography-42.0.5-cp39-abi3-manylinux_2_28_x86_64.whl                                            | true",
        "cryptography-42.0.5-cp37-abi3-manylinux2014_x86_64.whl                                             | true",
        "pyyaml_ft-8.0.0-cp311-cp311-linux_x86_64.whl                                                       | true",
        "six-1.16.0-py2.py3-none-any.whl                                                                    | true",
        "requests-2.31.0-py3-none-any.whl                                                                   | true",
        "typing_extensions-4.9.0-py311-none-any.whl                                                         | true",
        "numpy-2.1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl                             | false",
        "numpy-1.26.4-cp311-cp311-musllinux_1_1_x86_64.whl                                                  | false",
        "numpy-1.26.4-cp311-cp311-win_amd64.whl                                                             | false",
        "numpy-1.26.4-cp311-cp311-macosx_10_9_x86_64.whl                                                    | false",
        "cffi-1.16.0-cp311-cp311-manylinux_2_17_aarch64.manylinux2014_aarch64.whl                           | false",
        "cryptography-42.0.5-cp312-abi3-manylinux_2_28_x86_64.whl                                           | false",
        "futures-3.0.5-py2-none-any.whl                                                                     | false",
        "newer-1.0-cp311-cp311-manylinux_2_39_x86_64.whl                                                    | false",
        "pypy_only-1.0-pp310-pypy310_pp73-manylinux_2_17_x86_64.whl                                         | false",
        "freethreaded-1.0-cp311-cp311t-manylinux_2_17_x86_64.whl                                            | false",
    })
    void judgesRealWheelsForCPython311OnBookwormX86_64(String filename, boolean supported) {
        assertThat(SupportedTags.of(CP311_X86_64).supports(WheelFileName.parse(filename))).isEqualTo(supported);
    }

    @Test
    void ranksAWheelByItsBestTagAsPipDoes() {
        SupportedTags tags = SupportedTags.of(CP311_X86_64);
        List<String> preferred = List.of(
                "cffi-1.16.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
                "cffi-1.16.0-cp311-cp311-manylinux1_x86_64.whl",
                "cffi-1.16.0-cp311-cp311-linux_x86_64.whl",
                "cffi-1.16.0-cp39-abi3-manylinux_2_28_x86_64.whl",
                "cffi-1.16.0-py3-none-manylinux_2_17_x86_64.whl",
                "cffi-1.16.0-cp311-none-any.whl",
                "cffi-1.16.0-py2.py3-none-any.whl",
                "cffi-1.16.0-py30-none-any.whl");
        List<Integer> ranks = preferred.stream().map(name -> tags.rank(WheelFileName.parse(name)).getAsInt()).toList();
        assertThat(ranks).isSorted().doesNotHaveDuplicates();
        // A compressed tag set ranks by its best member, whatever order it is written in.
        assertThat(tags.rank(WheelFileName.parse("x-1.0-cp311-cp311-manylinux2014_x86_64.manylinux_2_28_x86_64.whl")))
                .hasValue(tags.ordered().indexOf("cp311-cp311-manylinux_2_28_x86_64"));
    }

    @Test
    void picksTheBestSupportedWheelWhateverItsPosition() {
        SupportedTags tags = SupportedTags.of(CP311_X86_64);
        List<String> uploaded = List.of("markupsafe-2.1.5-cp312-cp312-win_amd64.whl",
                "markupsafe-2.1.5-py3-none-any.whl",
                "markupsafe-2.1.5-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
                "markupsafe-2.1.5-cp311-cp311-musllinux_1_1_x86_64.whl");
        assertThat(tags.best(uploaded, WheelFileName::parse))
                .hasValue("markupsafe-2.1.5-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
        assertThat(tags.best(List.of(uploaded.get(0), uploaded.get(1)), WheelFileName::parse))
                .hasValue("markupsafe-2.1.5-py3-none-any.whl");
        assertThat(tags.best(List.of(uploaded.get(0), uploaded.get(3)), WheelFileName::parse)).isEmpty();
    }

    @Test
    void suitsAbi3AndAnOlderGlibcOnlyWhereTheyApply() {
        TargetPython oldGlibc = TargetPython.of(MarkerEnvironment.cpython("3.11.2", "linux", "x86_64"), Glibc.parse("2.17"));
        WheelFileName glibc228 = WheelFileName.parse("cryptography-42.0.5-cp39-abi3-manylinux_2_28_x86_64.whl");
        assertThat(SupportedTags.of(oldGlibc).supports(glibc228)).isFalse();
        assertThat(SupportedTags.of(CP311_X86_64).supports(glibc228)).isTrue();
        TargetPython aarch64 = TargetPython.of(MarkerEnvironment.cpython("3.11.2", "linux", "aarch64"));
        assertThat(SupportedTags.of(aarch64).supports(WheelFileName.parse(
                "cffi-1.16.0-cp311-cp311-manylinux_2_17_aarch64.manylinux2014_aarch64.whl"))).isTrue();
        assertThat(SupportedTags.of(aarch64).ordered()).noneMatch(tag -> tag.contains("manylinux1_")
                || tag.contains("manylinux2010_") || tag.contains("manylinux_2_16_"));
    }

    @Test
    void suitsOnlyPureWheelsOnMacosAndOtherImplementations() {
        TargetPython macos = TargetPython.of(MarkerEnvironment.cpython("3.11.2", "darwin", "arm64"));
        assertThat(SupportedTags.of(macos).supports(WheelFileName.parse("numpy-1.26.4-cp311-cp311-macosx_11_0_arm64.whl")))
                .isFalse();
        assertThat(SupportedTags.of(macos).supports(WheelFileName.parse("six-1.16.0-py2.py3-none-any.whl"))).isTrue();
        TargetPython pypy = TargetPython.of(MarkerEnvironment.of(Map.of("implementation_name", "pypy",
                "python_version", "3.10", "sys_platform", "linux", "platform_machine", "x86_64")));
        SupportedTags pypyTags = SupportedTags.of(pypy);
        assertThat(pypyTags.ordered()).noneMatch(tag -> tag.startsWith("cp"));
        assertThat(pypyTags.ordered()).contains("py310-none-manylinux_2_17_x86_64", "py3-none-any");
    }

    @Test
    void describesTheTargetForPeople() {
        assertThat(CP311_X86_64.describe()).isEqualTo("CPython 3.11 on linux x86_64");
    }

    @Test
    void rejectsAnUnusableVersionOrGlibc() {
        assertThatThrownBy(() -> TargetPython.of(MarkerEnvironment.of(Map.of("sys_platform", "linux"))))
                .isInstanceOf(InvalidTargetException.class).hasMessageContaining("major.minor");
        assertThatThrownBy(() -> Glibc.parse("bookworm")).isInstanceOf(InvalidTargetException.class)
                .hasMessageContaining("'2.36'");
    }

    private static List<String> expected(String resource) {
        try (InputStream in = SupportedTagsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
