/**
 * What every repository shares about talking to H2 and PostgreSQL through JDBC, and the health check that
 * proves the database still takes writes.
 */
package dev.assay.server.db;
