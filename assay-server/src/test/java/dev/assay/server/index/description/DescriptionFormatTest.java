package dev.assay.server.index.description;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DescriptionFormatTest {

    @ParameterizedTest(name = "[{0}] is {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL                                             | RST",
            "''                                               | RST",
            "text/x-rst                                       | RST",
            "TEXT/X-RST; charset=UTF-8                        | RST",
            "text/markdown                                    | GFM",
            "text/markdown; charset=UTF-8                     | GFM",
            "text/markdown; charset=UTF-8; variant=GFM        | GFM",
            "text/markdown; variant=CommonMark                | COMMONMARK",
            "Text/Markdown ; Variant = \"commonmark\"         | COMMONMARK",
            "text/markdown; variant=MyFlavour                 | GFM",
            "text/plain                                       | PLAIN",
            "text/plain; charset=latin-1                      | PLAIN",
            "text/html                                        | PLAIN",
            "application/octet-stream                         | PLAIN",
            "';'                                              | PLAIN",
            "text/markdown;;=;variant                         | GFM",
    })
    void choosesTheFormatFromTheContentType(String contentType, DescriptionFormat expected) {
        assertThat(DescriptionFormat.of(contentType)).isEqualTo(expected);
    }
}
