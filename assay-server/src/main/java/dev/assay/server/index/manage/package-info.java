/**
 * Managing a project after upload: yanking and deleting releases and files, and who holds which role;
 * one set of rules behind a REST API and a web page.
 */
package dev.assay.server.index.manage;
