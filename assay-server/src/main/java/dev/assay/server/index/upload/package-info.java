/** The upload API: receiving, checking and publishing distribution files sent by twine and friends. */
package dev.assay.server.index.upload;
