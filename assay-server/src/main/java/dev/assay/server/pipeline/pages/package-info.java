/** The pipeline pages, the pipelines API and the status badges. */
package dev.assay.server.pipeline.pages;
