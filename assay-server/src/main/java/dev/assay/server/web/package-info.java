/** Pages and behaviour shared by every feature's web UI: the home page, layout, start-up notice. */
package dev.assay.server.web;
