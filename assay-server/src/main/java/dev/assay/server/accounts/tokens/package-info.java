/** API tokens: issuing, listing, checking and revoking them, their scopes, and HTTP Basic with {@code __token__}. */
package dev.assay.server.accounts.tokens;
