/** PyPI's JSON API: {@code /pypi/<project>/json} and {@code /pypi/<project>/<version>/json}, shaped as pypi.org serves them. */
package dev.assay.server.index.json;
