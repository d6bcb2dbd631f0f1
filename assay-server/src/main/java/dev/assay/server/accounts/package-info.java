/**
 * Accounts: users, the admins, sponsors and reviewers groups, passwords, who a request's caller is, and the
 * accounts context of the admin commands; tokens, security, registration, admin API and pages in sub-packages.
 */
package dev.assay.server.accounts;
