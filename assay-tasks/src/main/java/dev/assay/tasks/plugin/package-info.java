/**
 * The plugin registry: every installed task (built-in, from a plugin jar, or declared in configuration)
 * with where it came from and whether it is enabled.
 */
package dev.assay.tasks.plugin;
