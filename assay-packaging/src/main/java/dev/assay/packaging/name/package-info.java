/** Python project names: core-metadata validation, PEP 503 normalisation and the wheel file-name escape. */
package dev.assay.packaging.name;
