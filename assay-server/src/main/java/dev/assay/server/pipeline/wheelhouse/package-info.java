/** The wheelhouse staged from this index only, and the tasks that stage it. */
package dev.assay.server.pipeline.wheelhouse;
