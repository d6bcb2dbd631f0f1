package dev.assay.server.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void keepsOnlyLettersAndDigitsOfTheWordsAndMakesAnOpenLastWordAPrefix() {
        SearchQuery query = SearchQuery.of("'Quill' & !kit:* (ink|pot) <-> é漢1");

        assertThat(query.words()).containsExactly("quill", "kit", "ink", "pot", "é漢1");
        assertThat(query.tsquery()).isEqualTo("quill & kit & ink & pot & é漢1:*");
        assertThat(query.likePattern(0)).isEqualTo("% quill %");
        assertThat(query.likePattern(4)).isEqualTo("% é漢1%");
    }

    @Test
    void aLastWordFollowedBySomethingIsWhole() {
        assertThat(SearchQuery.of("pages-").tsquery()).isEqualTo("pages");
        assertThat(SearchQuery.of("&|!():*").words()).isEmpty();
    }

    @Test
    void wordsPastTheLimitAreIgnoredAndNoneIsThenAPrefix() {
        SearchQuery query = SearchQuery.of("w ".repeat(SearchQuery.MAX_WORDS) + "extra");

        assertThat(query.words()).hasSize(SearchQuery.MAX_WORDS).doesNotContain("extra");
        assertThat(query.lastIsPrefix()).isFalse();
    }

    @Test
    void theTextIsComparedLiterallyWithLikeWildcardsEscaped() {
        SearchQuery query = SearchQuery.of("100%_Pure\\x");

        assertThat(query.literalPattern()).isEqualTo("%100\\%\\_pure\\\\x%");
        assertThat(query.exactName()).isEqualTo("100%-pure\\x");
    }

    @Test
    void paddedWordsMarkEveryWordStartAndEndAndStopAtAWordBoundary() {
        assertThat(SearchWords.padded("Pages_App: the APP!", 100)).isEqualTo(" pages app the app ");
        assertThat(SearchWords.padded("alpha beta gamma", 12)).isEqualTo(" alpha beta ");
        assertThat(SearchWords.padded("?!", 10)).isEqualTo(" ");
    }
}
