package dev.assay.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SizesTest {

    private final Sizes sizes = new Sizes();

    @Test
    void bytesBelowAThousandAreCountedAndLargerSizesGetTheirUnitWithOneDecimal() {
        assertThat(sizes.human(0)).isEqualTo("0 bytes");
        assertThat(sizes.human(1)).isEqualTo("1 byte");
        assertThat(sizes.human(999)).isEqualTo("999 bytes");
        assertThat(sizes.human(1000)).isEqualTo("1.0 kB");
        assertThat(sizes.human(2_149)).isEqualTo("2.1 kB");
        assertThat(sizes.human(999_949)).isEqualTo("999.9 kB");
        assertThat(sizes.human(999_950)).as("never 1000.0 kB").isEqualTo("1.0 MB");
        assertThat(sizes.human(14_000_000)).isEqualTo("14.0 MB");
        assertThat(sizes.human(3_500_000_000L)).isEqualTo("3.5 GB");
        assertThat(sizes.human(Long.MAX_VALUE)).isEqualTo("9.2 EB");
    }
}
