/** Digests shared by features: one implementation of each. */
package dev.assay.server.crypto;
