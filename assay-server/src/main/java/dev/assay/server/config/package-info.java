/** Typed settings and the translation of launch options into Spring properties. */
package dev.assay.server.config;
