package dev.assay.packaging.filename;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DistributionFileNameTest {

    @Test
    void choosesWheelBySuffix() {
        assertThat(DistributionFileName.parse("foo-1.0-py3-none-any.whl")).isInstanceOf(WheelFileName.class);
    }

    @Test
    void choosesSdistBySuffix() {
        assertThat(DistributionFileName.parse("foo-1.0.tar.gz"))
                .isInstanceOfSatisfying(SdistFileName.class, s -> assertThat(s.format()).isEqualTo(SdistFormat.TAR_GZ));
        assertThat(DistributionFileName.parse("foo-1.0.zip"))
                .isInstanceOfSatisfying(SdistFileName.class, s -> assertThat(s.format()).isEqualTo(SdistFormat.ZIP));
    }

    @Test
    void exposesNameAndVersionWhateverTheKind() {
        DistributionFileName file = DistributionFileName.parse("Foo_Bar-1.0.0-py3-none-any.whl");
        assertThat(file.name().normalized()).isEqualTo("foo-bar");
        assertThat(file.version()).hasToString("1.0.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo-1.0.win32.exe", "foo-1.0-py2.7.egg", "foo-1.0.tar.bz2", "foo-1.0.tar.xz", "foo-1.0.tgz",
        "foo-1.0.msi", "foo-1.0.rpm", "foo-1.0", "foo-1.0.tar", "foo-1.0.WHL"})
    void refusesUnknownSuffixesListingTheAcceptedOnes(String fileName) {
        assertThatThrownBy(() -> DistributionFileName.parse(fileName))
                .isInstanceOf(InvalidFileNameException.class)
                .hasMessageContaining(fileName)
                .hasMessageContaining(".whl").hasMessageContaining(".tar.gz").hasMessageContaining(".zip");
    }

    @Test
    void refusesAMissingName() {
        assertThatThrownBy(() -> DistributionFileName.parse(null))
                .isInstanceOf(InvalidFileNameException.class).hasMessageContaining("missing");
    }
}
