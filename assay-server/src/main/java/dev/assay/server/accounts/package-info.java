/** Accounts: users, the admins and sponsors groups, passwords, API tokens, login and profile pages. */
package dev.assay.server.accounts;
