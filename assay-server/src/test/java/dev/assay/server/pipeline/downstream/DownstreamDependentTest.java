package dev.assay.server.pipeline.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DownstreamDependentTest {

    @Test
    void aReTestIsComparedWithItsDependentsEarlierResult() {
        assertThat(DownstreamDependent.outcome("queued", "passed")).isEqualTo("pending");
        assertThat(DownstreamDependent.outcome("running", null)).isEqualTo("pending");
        assertThat(DownstreamDependent.outcome("passed", "failed")).isEqualTo("passed");
        assertThat(DownstreamDependent.outcome("failed", "passed")).isEqualTo("newly failing");
        assertThat(DownstreamDependent.outcome("error", "passed")).isEqualTo("newly failing");
        assertThat(DownstreamDependent.outcome("failed", "failed")).isEqualTo("still failing");
        assertThat(DownstreamDependent.outcome("failed", null)).isEqualTo("failing");
        assertThat(DownstreamDependent.outcome("failed", "running")).isEqualTo("failing");
    }
}
