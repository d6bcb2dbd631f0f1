/** Notifications: watchers, the inbox, and email through an outbox retried with backoff. */
package dev.assay.server.notify;
