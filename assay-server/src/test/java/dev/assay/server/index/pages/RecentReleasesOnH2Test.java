package dev.assay.server.index.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.assay.server.index.ProjectRepository;
import dev.assay.server.index.Reader;

/** The newest releases on H2, and the plan that reads them in index order (H2's plans name a scan outright). */
class RecentReleasesOnH2Test extends RecentReleasesContract {
    @Override
    String databaseKind() {
        return "h2";
    }

    @Test
    void aPageOfTheNewestReleasesIsReadInIndexOrderNotSorted() {
        String plan = ProjectRepository.bindReader(server.bean(JdbcClient.class).sql("EXPLAIN "
                + BrowseRepository.NEWEST), Reader.ANONYMOUS).param("count", 10).param("offset", 0)
                .query(String.class).single();

        assertThat(plan).containsIgnoringCase("releases_created").contains("index sorted");
        assertThat(plan).doesNotContainIgnoringCase("releases.tableScan");
    }
}
