package dev.assay.server.pipeline.rawdata;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much of the tasks' raw-data files is kept ({@code assay.pipeline.raw-files.*}).
 *
 * @param perFile  the bytes kept of one file; the rest is cut and the cut is noted in the raw data
 * @param perJob   the bytes kept of all files of one job attempt; a file past it is cut the same way
 * @param sweep    how often the files of deleted pipelines are removed
 */
@ConfigurationProperties("assay.pipeline.raw-files")
public record RawFileLimits(
        @DefaultValue("10MB") DataSize perFile,
        @DefaultValue("50MB") DataSize perJob,
        @DefaultValue("1h") Duration sweep) {

    public RawFileLimits {
        if (perFile.isNegative() || perJob.isNegative()) {
            throw new IllegalArgumentException("assay.pipeline.raw-files limits must not be negative");
        }
        if (sweep.isNegative() || sweep.isZero()) {
            throw new IllegalArgumentException("assay.pipeline.raw-files.sweep must be positive, was " + sweep);
        }
    }
}
