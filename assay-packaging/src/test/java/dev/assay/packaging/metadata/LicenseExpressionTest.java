package dev.assay.packaging.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LicenseExpressionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "MIT|MIT",
        "mit|mit",
        "BSD-3-Clause|BSD-3-Clause",
        "MIT AND (Apache-2.0 OR BSD-2-Clause)|MIT AND (Apache-2.0 OR BSD-2-Clause)",
        "mit and (apache-2.0 or bsd-2-clause)|mit AND (apache-2.0 OR bsd-2-clause)",
        "MIT OR GPL-2.0-or-later OR (FSFUL AND BSD-2-Clause)|MIT OR GPL-2.0-or-later OR (FSFUL AND BSD-2-Clause)",
        "GPL-3.0-only WITH Classpath-exception-2.0 OR BSD-3-Clause"
            + "|GPL-3.0-only WITH Classpath-exception-2.0 OR BSD-3-Clause",
        "LicenseRef-Special-License OR CC0-1.0 OR Unlicense|LicenseRef-Special-License OR CC0-1.0 OR Unlicense",
        "' mIt '|mIt",
        "mit or apache-2.0|mit OR apache-2.0",
        "gpl-2.0-or-later with bison-exception-2.2|gpl-2.0-or-later WITH bison-exception-2.2",
        "mit or apache-2.0 and (bsd-3-clause or mpl-2.0)|mit OR apache-2.0 AND (bsd-3-clause OR mpl-2.0)",
        "mit and (apache-2.0+ or mpl-2.0+)|mit AND (apache-2.0+ OR mpl-2.0+)",
        "mit  and  ( apache-2.0+  or  mpl-2.0+ )|mit AND (apache-2.0+ OR mpl-2.0+)",
        "LicenseRef-Public-Domain|LicenseRef-Public-Domain",
        "licenseref-public-domain|LicenseRef-public-domain",
        "LicenseRef-Beerware-4.2|LicenseRef-Beerware-4.2",
        "(LicenseRef-Special-License OR licenseref-OtherLicense) OR unlicense"
            + "|(LicenseRef-Special-License OR LicenseRef-OtherLicense) OR unlicense",
        "0BSD|0BSD",
        "((MIT))|((MIT))",
        "MIT\tOR\tApache-2.0|MIT OR Apache-2.0",
    })
    void acceptsAndNormalisesValidExpressions(String given, String normalised) {
        assertThat(LicenseExpression.parse(given).text()).isEqualTo(normalised);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "LicenseRef-License_with_underscores", "or", "and", "with", "mit or",
        "mit and", "mit with", "or mit", "and mit", "with mit", "(mit", "mit)", ") mit", "mit (",
        "mit or or apache-2.0", "mit or apache-2.0 (bsd-3-clause and MPL-2.0)", "()", "( ) or mit", "mit and ( )",
        "( ) or mit and ( )", "( ) with ( ) or mit", "mit with ( ) with ( ) or mit", "MIT Apache-2.0",
        "(MIT OR Apache-2.0) WITH LLVM-exception", "MIT WITH Classpath-exception-2.0+", "MIT WITH AND",
        "GPL-2.0+ WITH", "LicenseRef-", "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2", "MIT, Apache-2.0",
        "MIT/Apache-2.0", "BSD_3_Clause", "MIT OR", "Apache 2.0"})
    void rejectsInvalidExpressions(String given) {
        assertThatThrownBy(() -> LicenseExpression.parse(given))
                .isInstanceOf(InvalidLicenseExpressionException.class)
                .hasMessageContaining("license expression");
    }

    @Test
    void acceptsLineBreaksBetweenTerms() {
        assertThat(LicenseExpression.parse("MIT\nOR\r\nApache-2.0").text()).isEqualTo("MIT OR Apache-2.0");
    }

    @Test
    void rejectsNullWithATypedException() {
        assertThatThrownBy(() -> LicenseExpression.parse(null)).isInstanceOf(InvalidLicenseExpressionException.class);
    }

    @Test
    void rejectsDeepNestingWithoutOverflowingTheStack() {
        String deep = "(".repeat(100_000) + "MIT" + ")".repeat(100_000);

        assertThatThrownBy(() -> LicenseExpression.parse(deep))
                .isInstanceOf(InvalidLicenseExpressionException.class)
                .hasMessageContaining("nested");
    }

    @Test
    void saysWhatIsMissing() {
        assertThatThrownBy(() -> LicenseExpression.parse("MIT OR"))
                .hasMessageContaining("'MIT OR'")
                .hasMessageContaining("expected a license id but the expression ends");
        assertThatThrownBy(() -> LicenseExpression.parse("(MIT"))
                .hasMessageContaining("'(' is never closed");
    }
}
