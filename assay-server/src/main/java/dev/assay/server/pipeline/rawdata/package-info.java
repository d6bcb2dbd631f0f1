/** The tasks' kept raw-data files: storage, per-job limits, the sweeper, and their downloads. */
package dev.assay.server.pipeline.rawdata;
