/** Which upstream indexes there are, in which order, with which credentials and quarantine. */
package dev.assay.server.upstream.config;
