/** Spring Security: the chains of HTTP clients and people, password hashing, refused logins and credentials. */
package dev.assay.server.accounts.security;
