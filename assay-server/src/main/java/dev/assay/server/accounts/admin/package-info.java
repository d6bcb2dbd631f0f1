/** The admin API of users and tokens that the admin commands call, and the views it and they show. */
package dev.assay.server.accounts.admin;
