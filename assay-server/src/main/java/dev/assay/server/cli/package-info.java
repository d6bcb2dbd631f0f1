/** The {@code assay} command line: {@code serve} and the admin commands that work while it runs. */
package dev.assay.server.cli;
