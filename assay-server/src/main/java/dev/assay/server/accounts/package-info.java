/**
 * Accounts: users, the admins and sponsors groups, passwords, API tokens, login and profile pages, self-registration
 * with email verification and password reset by email.
 */
package dev.assay.server.accounts;
