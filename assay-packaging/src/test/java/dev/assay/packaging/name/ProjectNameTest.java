package dev.assay.packaging.name;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.packaging.PackagingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectNameTest {

    @ParameterizedTest
    @CsvSource({
        "foo, foo",
        "Foo, foo",
        "fOo, foo",
        "foo.bar, foo-bar",
        "Foo.Bar, foo-bar",
        "Foo.....Bar, foo-bar",
        "foo_bar, foo-bar",
        "foo___bar, foo-bar",
        "foo-bar, foo-bar",
        "foo----bar, foo-bar",
        "Foo-._Bar, foo-bar",
        "A, a",
        "zope.interface, zope-interface",
    })
    void normalizesSeparatorRunsAndCaseAsPep503Says(String name, String expected) {
        assertThat(ProjectName.normalize(name)).isEqualTo(expected);
        assertThat(ProjectName.of(name).normalized()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "foo, foo",
        "Foo.Bar, foo_bar",
        "foo-bar, foo_bar",
        "Foo.....Bar, foo_bar",
        "some-PACKAGE, some_package",
        "foo__bar, foo_bar",
    })
    void escapesSeparatorRunsToOneUnderscoreForFileNames(String name, String expected) {
        assertThat(ProjectName.escapeForFilename(name)).isEqualTo(expected);
        assertThat(ProjectName.of(name).filenameForm()).isEqualTo(expected);
    }

    @Test
    void keepsTheSpellingGivenForDisplay() {
        ProjectName name = ProjectName.of("Django_REST.framework");

        assertThat(name.display()).isEqualTo("Django_REST.framework");
        assertThat(name.toString()).isEqualTo("Django_REST.framework");
        assertThat(name.normalized()).isEqualTo("django-rest-framework");
    }

    @Test
    void equalsAnotherSpellingOfTheSameNormalizedName() {
        assertThat(ProjectName.of("Foo.Bar")).isEqualTo(ProjectName.of("foo_bar"));
        assertThat(ProjectName.of("Foo.Bar")).hasSameHashCodeAs(ProjectName.of("FOO-BAR"));
        assertThat(ProjectName.of("foo-bar")).isNotEqualTo(ProjectName.of("foobar"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "A", "0", "a1", "foo-bar.quux_bAz", "android12", "1foo", "Foo...bar", "x_-.y"})
    void acceptsNamesThatStartAndEndWithALetterOrDigit(String name) {
        assertThat(ProjectName.isValid(name)).isTrue();
        assertThat(ProjectName.of(name).display()).isEqualTo(name);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "_not_legal", "-foo", "foo-", "foo.", ".foo", "foo!", "foo bar", " foo", "foo ", "foo#bar",
        "hi\n", "\nhi", "h\ni", "hi\r", "\rhi", "h\ri", "foo\tbar", "bár", "\u212Aelvin", "foo/bar", "foo@1",
        "ｆｏｏ", "-", "_", ".",
    })
    void rejectsInvalidNamesWithATypedExceptionNamingTheInput(String name) {
        assertThat(ProjectName.isValid(name)).isFalse();
        assertThatThrownBy(() -> ProjectName.of(name))
                .isInstanceOf(InvalidProjectNameException.class)
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("invalid project name '" + name + "'")
                .hasMessageContaining("ASCII letter or digit");
    }

    @Test
    void rejectsANormalizedFormThatDoesNotMatchTheName() {
        assertThatThrownBy(() -> new ProjectName("Foo", "bar"))
                .isInstanceOf(InvalidProjectNameException.class)
                .hasMessageContaining("'bar'")
                .hasMessageContaining("expected 'foo'");
    }

    @Test
    void rejectsMissingNamesInTheStaticHelpersWithATypedException() {
        assertThatThrownBy(() -> ProjectName.normalize(null)).isInstanceOf(InvalidProjectNameException.class);
        assertThatThrownBy(() -> ProjectName.escapeForFilename(null)).isInstanceOf(InvalidProjectNameException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "Tiny_Calc, t1nyca1c",
        "tinycalc, t1nyca1c",
        "tiny-ca1c, t1nyca1c",
        "T.I.N.Y.C.A.L.C, t1nyca1c",
        "Pool, p001",
        "p00l, p001",
        "requests, requests",
    })
    void ultranormalizedFoldsSeparatorsCaseAndLookAlikes(String name, String expected) {
        assertThat(ProjectName.of(name).ultranormalized()).isEqualTo(expected);
    }
}
