/**
 * Accounts: users, the admins, sponsors and reviewers groups, passwords, API tokens, login and profile pages,
 * self-registration with email verification and password reset by email.
 */
package dev.assay.server.accounts;
