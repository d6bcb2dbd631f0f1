/** Safe reading and extraction of untrusted wheels and sdists: path, link, count, size and ratio limits. */
package dev.assay.packaging.archive;
