package dev.assay.server.review.change;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The description a change request proposed through refs/for/ takes from its commit's message. */
class RefsForPushesTest {

    @Test
    void theDescriptionIsTheMessageAfterItsSubjectWithoutTheClosingTrailers() {
        assertThat(RefsForPushes.description("Add b\n\nWhy b.\n\nMore.\n\nSigned-off-by: Sam <s@example.org>\n"
                + "Change-Id: I0123456789abcdef0123456789abcdef01234567\n")).isEqualTo("Why b.\n\nMore.");
        assertThat(RefsForPushes.description("Add b\r\n\r\nWhy b.\r\n")).isEqualTo("Why b.");
    }

    @Test
    void aMessageOfOneParagraphOrOnlyTrailersHasNoDescription() {
        assertThat(RefsForPushes.description("Add b\nover two lines")).isEmpty();
        assertThat(RefsForPushes.description("Add b\n\nChange-Id: I0123456789abcdef0123456789abcdef01234567"))
                .isEmpty();
    }

    @Test
    void aClosingParagraphThatIsNotAllTrailersStays() {
        assertThat(RefsForPushes.description("Add b\n\nSee: the docs\nand more prose")).isEqualTo(
                "See: the docs\nand more prose");
    }
}
