/** Accounts: users, the admins, sponsors and reviewers groups, passwords, API tokens, login and profile pages. */
package dev.assay.server.accounts;
