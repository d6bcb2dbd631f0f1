/** The Python-packaging domain in pure Java: PEP 440, 503, 508, file names, core metadata and safe archives. */
package dev.assay.packaging;
