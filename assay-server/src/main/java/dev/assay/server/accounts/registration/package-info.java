/** Self-registration with email verification, password reset by email, their emailed links and the admin's switch. */
package dev.assay.server.accounts.registration;
