package dev.assay.server.pipeline.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.assay.packaging.version.Version;

/** Which tag names stand for a release's version. */
class ReleaseTagsTest {

    @Test
    void aTagNamesAVersionPlainWithVOrWithTheProjectsName() {
        assertThat(ReleaseTags.versionOf("1.0", "demo")).contains(Version.parse("1.0"));
        assertThat(ReleaseTags.versionOf("v1.0.0", "demo")).contains(Version.parse("1.0"));
        assertThat(ReleaseTags.versionOf("Demo-2.1rc1", "demo")).contains(Version.parse("2.1rc1"));
        assertThat(ReleaseTags.versionOf("my-pkg-3", "My_Pkg")).contains(Version.parse("3"));
    }

    @Test
    void otherTagsNameNoVersion() {
        assertThat(ReleaseTags.versionOf("latest", "demo")).isEmpty();
        assertThat(ReleaseTags.versionOf("other-1.0", "demo")).isEmpty();
        assertThat(ReleaseTags.versionOf("release/1.0", "demo")).isEmpty();
    }
}
