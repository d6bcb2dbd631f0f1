/** The login page, a user's profile (details, password, tokens), public profiles and their sections, and whoami. */
package dev.assay.server.accounts.pages;
