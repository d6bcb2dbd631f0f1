/** What every repository shares about talking to H2 and PostgreSQL through JDBC. */
package dev.assay.server.db;
