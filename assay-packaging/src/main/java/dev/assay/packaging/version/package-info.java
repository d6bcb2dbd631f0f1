/** PEP 440 versions, version specifiers and specifier sets, with the specification's normalisation and ordering. */
package dev.assay.packaging.version;
