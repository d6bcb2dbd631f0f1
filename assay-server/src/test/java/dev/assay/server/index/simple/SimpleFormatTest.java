package dev.assay.server.index.simple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.assay.server.error.NotAcceptableException;

/** Content negotiation of the Simple Repository API, as PEP 691 describes it and PyPI answers it. */
class SimpleFormatTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html; q=0.1, text/html; q=0.01 | JSON_V1",
        "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01 | JSON_V1",
        "text/html                                                      | TEXT_HTML",
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | TEXT_HTML",
        "application/vnd.pypi.simple.latest+json                        | JSON_V1",
        "application/vnd.pypi.simple.latest+html                        | HTML_V1",
        "application/vnd.pypi.simple.v1+html, text/html                 | TEXT_HTML",
        "application/vnd.pypi.simple.v1+json, text/html                 | TEXT_HTML",
        "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html | HTML_V1",
        "text/html;q=0.5, application/vnd.pypi.simple.v1+json;q=0.4     | TEXT_HTML",
        "application/*+json                                             | JSON_V1",
        "application/*                                                  | HTML_V1",
        "text/*                                                         | TEXT_HTML",
        "*/*                                                            | TEXT_HTML",
        "text/html;q=0, */*                                             | HTML_V1",
        "*/*;q=0.1, application/vnd.pypi.simple.v1+json;q=0.2           | JSON_V1",
    })
    void choosesByQualityThenPyPisOrder(String accept, SimpleFormat expected) {
        assertThat(SimpleFormat.choose(null, accept)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "NONE", "application/json", "application/xml, text/plain", "text/html;q=0", "image/png", "not a media type",
        "text/html;q=abc", "*/*;q=7", "/", ";;;",
    })
    void answersHtmlWhenTheHeaderIsMissingNamesNothingServableOrIsNotAHeader(String accept) {
        assertThat(SimpleFormat.choose(null, accept)).isEqualTo(SimpleFormat.TEXT_HTML);
    }

    @Test
    void formatParameterWinsOverTheHeaderAndToleratesAPlusTurnedIntoASpace() {
        assertThat(SimpleFormat.choose("application/vnd.pypi.simple.v1+json", "text/html"))
                .isEqualTo(SimpleFormat.JSON_V1);
        assertThat(SimpleFormat.choose("application/vnd.pypi.simple.v1 html", null)).isEqualTo(SimpleFormat.HTML_V1);
        assertThat(SimpleFormat.choose("text/html", "application/vnd.pypi.simple.v1+json"))
                .isEqualTo(SimpleFormat.TEXT_HTML);
    }

    @Test
    void refusesAnUnknownFormatParameterNamingWhatItCanServe() {
        assertThatThrownBy(() -> SimpleFormat.choose("application/json", null))
                .isInstanceOf(NotAcceptableException.class).hasMessageContaining("application/json")
                .hasMessageContaining("application/vnd.pypi.simple.v1+json");
    }

    @Test
    void declaresTheActualVersionAndUtf8ForHtml() {
        assertThat(SimpleFormat.choose(null, "application/vnd.pypi.simple.latest+json").mediaType())
                .hasToString("application/vnd.pypi.simple.v1+json");
        assertThat(SimpleFormat.HTML_V1.mediaType()).hasToString("application/vnd.pypi.simple.v1+html;charset=UTF-8");
        assertThat(SimpleFormat.TEXT_HTML.mediaType()).hasToString("text/html;charset=UTF-8");
    }
}
