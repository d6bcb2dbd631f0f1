package dev.assay.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.SQLExceptionOverride.Override;

class ReadOnlyConnectionEvictionTest {

    private final ReadOnlyConnectionEviction eviction = new ReadOnlyConnectionEviction();

    @Test
    void aSessionThatFoundTheDatabaseReadOnlyIsRetired() {
        SQLException readOnly = new SQLException("cannot execute UPDATE in a read-only transaction", "25006");

        assertThat(eviction.adjudicate(readOnly)).isEqualTo(Override.MUST_EVICT);
        assertThat(eviction.adjudicate(new SQLException("wrapped", "XX000", readOnly))).isEqualTo(Override.MUST_EVICT);
    }

    @Test
    void otherFailuresAreLeftToThePool() {
        assertThat(eviction.adjudicate(new SQLException("duplicate key", "23505"))).isEqualTo(Override.CONTINUE_EVICT);
    }
}
