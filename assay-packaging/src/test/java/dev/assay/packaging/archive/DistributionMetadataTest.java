package dev.assay.packaging.archive;

import static dev.assay.packaging.archive.TarGzBuilder.tarGz;
import static dev.assay.packaging.archive.ZipBuilder.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.packaging.filename.InvalidFileNameException;
import dev.assay.packaging.filename.SdistFileName;
import dev.assay.packaging.filename.WheelFileName;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionMetadataTest {
    private static final String METADATA = "Metadata-Version: 2.1\nName: Foo-Bar\nVersion: 1.0\n";

    @TempDir
    Path temp;

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void findsTheWheelsMetadata() {
        Path wheel = zip().file("foo_bar/__init__.py", "").file("foo_bar-1.0.dist-info/METADATA", METADATA)
                .file("foo_bar-1.0.dist-info/RECORD", "").file("foo_bar/_vendor/x-2.0.dist-info/METADATA", "other")
                .writeTo(temp.resolve("foo_bar-1.0-py3-none-any.whl"));
        assertThat(text(DistributionMetadata.wheelMetadata(wheel))).isEqualTo(METADATA);
    }

    @Test
    void acceptsALegacySpellingOfTheDistInfoDirectory() {
        Path wheel = zip().file("Foo.Bar-1.0.0.dist-info/METADATA", METADATA).writeTo(temp.resolve("foo_bar-1.0-py3-none-any.whl"));
        assertThat(text(DistributionMetadata.wheelMetadata(wheel))).isEqualTo(METADATA);
    }

    @Test
    void readsAWheelStoredUnderAnotherName() {
        Path stored = zip().file("foo_bar-1.0.dist-info/METADATA", METADATA).writeTo(temp.resolve("upload-1234.tmp"));
        WheelFileName uploadedAs = WheelFileName.parse("foo_bar-1.0-py3-none-any.whl");
        assertThat(text(DistributionMetadata.wheelMetadata(stored, uploadedAs, ArchiveLimits.defaults()))).isEqualTo(METADATA);
    }

    @Test
    void saysWhenAWheelHasNoDistInfo() {
        Path wheel = zip().file("foo_bar/__init__.py", "").writeTo(temp.resolve("foo_bar-1.0-py3-none-any.whl"));
        assertThatThrownBy(() -> DistributionMetadata.wheelMetadata(wheel))
                .isInstanceOf(MissingMetadataException.class)
                .hasMessageContaining("foo_bar-1.0-py3-none-any.whl")
                .hasMessageContaining(".dist-info directory (expected 'foo_bar-1.0.dist-info' holding METADATA) is missing");
    }

    @Test
    void saysWhenTheDistInfoHasNoMetadata() {
        Path wheel = zip().file("foo_bar-1.0.dist-info/RECORD", "").writeTo(temp.resolve("foo_bar-1.0-py3-none-any.whl"));
        assertThatThrownBy(() -> DistributionMetadata.wheelMetadata(wheel))
                .isInstanceOf(MissingMetadataException.class)
                .hasMessageContaining("'foo_bar-1.0.dist-info/METADATA' is missing");
    }

    @Test
    void refusesMetadataThatIsALink() {
        Path wheel = zip().file("foo_bar-1.0.dist-info/REAL", METADATA).symlink("foo_bar-1.0.dist-info/METADATA", "REAL")
                .writeTo(temp.resolve("foo_bar-1.0-py3-none-any.whl"));
        assertThatThrownBy(() -> DistributionMetadata.wheelMetadata(wheel))
                .isInstanceOf(MissingMetadataException.class).hasMessageContaining("symbolic link");
    }

    @Test
    void refusesTwoDistInfoDirectories() {
        Path wheel = zip().file("foo_bar-1.0.dist-info/METADATA", METADATA).file("other-2.0.dist-info/METADATA", METADATA)
                .writeTo(temp.resolve("foo_bar-1.0-py3-none-any.whl"));
        assertThatThrownBy(() -> DistributionMetadata.wheelMetadata(wheel))
                .isInstanceOf(DistributionLayoutException.class)
                .hasMessageContaining("exactly one top-level .dist-info directory, found 2")
                .hasMessageContaining("'foo_bar-1.0.dist-info'").hasMessageContaining("'other-2.0.dist-info'");
    }

    @Test
    void refusesADistInfoNamedForAnotherProjectOrVersion() {
        Path otherName = zip().file("bar-1.0.dist-info/METADATA", METADATA).writeTo(temp.resolve("foo-1.0-py3-none-any.whl"));
        assertThatThrownBy(() -> DistributionMetadata.wheelMetadata(otherName))
                .isInstanceOf(DistributionLayoutException.class)
                .hasMessageContaining("'bar-1.0.dist-info' does not match the wheel's name and version")
                .hasMessageContaining("expected 'foo-1.0.dist-info'");
        Path otherVersion = zip().file("foo-1.1.dist-info/METADATA", METADATA).writeTo(temp.resolve("foo-1.0-py3-none-any.whl"));
        assertThatThrownBy(() -> DistributionMetadata.wheelMetadata(otherVersion))
                .isInstanceOf(DistributionLayoutException.class).hasMessageContaining("'foo-1.1.dist-info'");
    }

    @Test
    void refusesAWheelThatIsNotAZip() {
        Path wheel = tarGz().file("foo-1.0.dist-info/METADATA", METADATA).writeTo(temp.resolve("foo-1.0-py3-none-any.whl"));
        assertThatThrownBy(() -> DistributionMetadata.wheelMetadata(wheel)).isInstanceOf(CorruptArchiveException.class);
    }

    @Test
    void refusesAnInvalidWheelFileName() {
        Path wheel = zip().file("foo-1.0.dist-info/METADATA", METADATA).writeTo(temp.resolve("foo.whl"));
        assertThatThrownBy(() -> DistributionMetadata.wheelMetadata(wheel)).isInstanceOf(InvalidFileNameException.class);
    }

    @Test
    void findsTheSdistsPkgInfo() {
        Path sdist = tarGz().directory("foo_bar-1.0").file("foo_bar-1.0/PKG-INFO", METADATA)
                .file("foo_bar-1.0/src/foo_bar/PKG-INFO", "nested").writeTo(temp.resolve("foo_bar-1.0.tar.gz"));
        assertThat(text(DistributionMetadata.sdistMetadata(sdist))).isEqualTo(METADATA);
    }

    @Test
    void findsTheLegacyZipSdistsPkgInfo() {
        Path sdist = zip().file("Foo-Bar-1.0/PKG-INFO", METADATA).file("Foo-Bar-1.0/setup.py", "")
                .writeTo(temp.resolve("Foo-Bar-1.0.zip"));
        assertThat(text(DistributionMetadata.sdistMetadata(sdist))).isEqualTo(METADATA);
    }

    @Test
    void readsAnSdistStoredUnderAnotherName() {
        Path stored = tarGz().file("foo-1.0/PKG-INFO", METADATA).writeTo(temp.resolve("upload.bin"));
        SdistFileName uploadedAs = SdistFileName.parse("foo-1.0.tar.gz");
        assertThat(text(DistributionMetadata.sdistMetadata(stored, uploadedAs, ArchiveLimits.defaults()))).isEqualTo(METADATA);
    }

    @Test
    void saysWhenAnSdistHasNoPkgInfo() {
        Path sdist = tarGz().file("foo-1.0/setup.py", "").file("foo-1.0/src/PKG-INFO", "").writeTo(temp.resolve("foo-1.0.tar.gz"));
        assertThatThrownBy(() -> DistributionMetadata.sdistMetadata(sdist))
                .isInstanceOf(MissingMetadataException.class).hasMessageContaining("'foo-1.0/PKG-INFO' is missing");
    }

    @Test
    void saysWhenAnSdistIsEmpty() {
        Path sdist = tarGz().writeTo(temp.resolve("foo-1.0.tar.gz"));
        assertThatThrownBy(() -> DistributionMetadata.sdistMetadata(sdist))
                .isInstanceOf(MissingMetadataException.class).hasMessageContaining("the archive is empty");
    }

    @Test
    void refusesAnSdistWithoutASingleTopLevelDirectory() {
        Path two = tarGz().file("foo-1.0/PKG-INFO", METADATA).file("extra/file", "").writeTo(temp.resolve("foo-1.0.tar.gz"));
        assertThatThrownBy(() -> DistributionMetadata.sdistMetadata(two))
                .isInstanceOf(DistributionLayoutException.class)
                .hasMessageContaining("single top-level directory 'foo-1.0', found 'extra', 'foo-1.0'");
        Path flat = tarGz().file("PKG-INFO", METADATA).writeTo(temp.resolve("foo-1.0.tar.gz"));
        assertThatThrownBy(() -> DistributionMetadata.sdistMetadata(flat))
                .isInstanceOf(DistributionLayoutException.class).hasMessageContaining("found 'PKG-INFO'");
    }

    @Test
    void refusesAnSdistDirectoryNamedForAnotherRelease() {
        Path sdist = tarGz().file("foo-2.0/PKG-INFO", METADATA).writeTo(temp.resolve("foo-1.0.tar.gz"));
        assertThatThrownBy(() -> DistributionMetadata.sdistMetadata(sdist))
                .isInstanceOf(DistributionLayoutException.class)
                .hasMessageContaining("'foo-2.0' does not match the sdist's name and version; expected 'foo-1.0'");
    }

    @Test
    void refusesUnsafeSdistsBeforeLookingForMetadata() {
        Path sdist = tarGz().file("foo-1.0/PKG-INFO", METADATA).symlink("foo-1.0/x", "../../etc")
                .writeTo(temp.resolve("foo-1.0.tar.gz"));
        assertThatThrownBy(() -> DistributionMetadata.sdistMetadata(sdist))
                .isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("link leaving the archive");
    }
}
