package dev.assay.packaging.requirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MarkerEnvironmentTest {

    @Test
    void derivesTheCpythonVariablesFromVersionAndPlatform() {
        MarkerEnvironment linux = MarkerEnvironment.cpython("3.12.4", "linux", "x86_64");

        assertThat(linux.pythonVersion()).isEqualTo("3.12");
        assertThat(linux.pythonFullVersion()).isEqualTo("3.12.4");
        assertThat(linux.implementationName()).isEqualTo("cpython");
        assertThat(linux.implementationVersion()).isEqualTo("3.12.4");
        assertThat(linux.platformPythonImplementation()).isEqualTo("CPython");
        assertThat(linux.osName()).isEqualTo("posix");
        assertThat(linux.platformSystem()).isEqualTo("Linux");
        assertThat(linux.platformMachine()).isEqualTo("x86_64");
        assertThat(linux.sysPlatform()).isEqualTo("linux");
        assertThat(linux.platformRelease()).isEmpty();
        assertThat(linux.platformVersion()).isEmpty();
        assertThat(linux.extra()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "win32, nt, Windows",
        "darwin, posix, Darwin",
        "linux, posix, Linux",
        "freebsd14, posix, FreeBSD",
        "emscripten, posix, Emscripten",
        "cygwin, posix, ''",
        "aix, posix, ''",
    })
    void derivesOsNameAndPlatformSystemFromSysPlatform(String sysPlatform, String osName, String platformSystem) {
        MarkerEnvironment environment = MarkerEnvironment.cpython("3.11.0", sysPlatform, "arm64");

        assertThat(environment.osName()).isEqualTo(osName);
        assertThat(environment.platformSystem()).isEqualTo(platformSystem);
    }

    @ParameterizedTest
    @CsvSource({"3.10.0, 3.10", "3.13.0rc1, 3.13", "3.9, 3.9", "3.11.1+, 3.11", "03.010.1, 3.10", "2.7.18, 2.7"})
    void takesPythonVersionAsMajorDotMinor(String fullVersion, String expected) {
        assertThat(MarkerEnvironment.cpython(fullVersion, "linux", "x86_64").pythonVersion()).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"3", "three", "3.", ".3", " ", "3.x", "-3.1", "3_10", "99999999999999999999"})
    void rejectsAPythonVersionWithoutMajorAndMinor(String fullVersion) {
        assertThatThrownBy(() -> MarkerEnvironment.cpython(fullVersion, "linux", "x86_64"))
                .isInstanceOf(InvalidMarkerEnvironmentException.class)
                .hasMessageContaining("python_full_version");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void rejectsAMissingSysPlatform(String sysPlatform) {
        assertThatThrownBy(() -> MarkerEnvironment.cpython("3.12.0", sysPlatform, "x86_64"))
                .isInstanceOf(InvalidMarkerEnvironmentException.class)
                .hasMessageContaining("sys_platform");
    }

    @Test
    void usesThePep508DefaultsForValuesThatCannotBeCalculated() {
        MarkerEnvironment empty = MarkerEnvironment.of(Map.of());

        assertThat(empty.pythonVersion()).isEqualTo("0");
        assertThat(empty.pythonFullVersion()).isEqualTo("0");
        assertThat(empty.implementationVersion()).isEqualTo("0");
        assertThat(empty.osName()).isEmpty();
        assertThat(empty.extra()).isEmpty();
    }

    @Test
    void readsTheMapThatPypaDefaultEnvironmentReturns() {
        Map<String, String> values = new HashMap<>();
        values.put("implementation_name", "pypy");
        values.put("implementation_version", "7.3.13");
        values.put("os_name", "posix");
        values.put("platform_machine", "aarch64");
        values.put("platform_release", "6.1.0-13-arm64");
        values.put("platform_system", "Linux");
        values.put("platform_version", "#1 SMP Debian 6.1.55-1");
        values.put("python_full_version", "3.10.13");
        values.put("platform_python_implementation", "PyPy");
        values.put("python_version", "3.10");
        values.put("sys_platform", "linux");
        values.put("something_new", "ignored");

        MarkerEnvironment environment = MarkerEnvironment.of(values);

        assertThat(environment.implementationName()).isEqualTo("pypy");
        assertThat(environment.value(MarkerVariable.PLATFORM_RELEASE)).isEqualTo("6.1.0-13-arm64");
        assertThat(environment.value(MarkerVariable.PLATFORM_PYTHON_IMPLEMENTATION)).isEqualTo("PyPy");
        assertThat(environment.value(MarkerVariable.PYTHON_VERSION)).isEqualTo("3.10");
    }

    @Test
    void replacesOneVariableOrTheExtraLeavingTheRest() {
        MarkerEnvironment base = MarkerEnvironment.cpython("3.12.4", "linux", "x86_64");

        assertThat(base.withExtra("Test_Ext").extra()).isEqualTo("Test_Ext");
        assertThat(base.withExtra("test").pythonVersion()).isEqualTo("3.12");
        assertThat(base.with(MarkerVariable.OS_NAME, "nt").osName()).isEqualTo("nt");
        assertThat(base.with(MarkerVariable.OS_NAME, "nt").sysPlatform()).isEqualTo("linux");
        assertThat(base.withExtra(null).extra()).isEmpty();
        assertThat(base).isEqualTo(MarkerEnvironment.cpython("3.12.4", "linux", "x86_64"));
    }

    @Test
    void repairsTheUntaggedPythonBuildSuffixWhenComparing() {
        MarkerEnvironment environment = MarkerEnvironment.cpython("3.11.1+", "linux", "x86_64");

        assertThat(environment.pythonFullVersion()).isEqualTo("3.11.1+");
        assertThat(environment.value(MarkerVariable.PYTHON_FULL_VERSION)).isEqualTo("3.11.1+local");
        assertThat(environment.withExtra("x").pythonFullVersion()).isEqualTo("3.11.1+");
    }
}
