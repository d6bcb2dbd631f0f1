/** The wheelhouse staged from this index and, for names it does not host, its upstreams; and the tasks that stage it. */
package dev.assay.server.pipeline.wheelhouse;
