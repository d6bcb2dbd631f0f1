/** The Simple Repository API (PEP 503, 592, 629, 658, 691, 700, 714): the pages pip and uv read. */
package dev.assay.server.index.simple;
