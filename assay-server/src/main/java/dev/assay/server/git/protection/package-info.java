/** Protected branches: which branches refuse force-pushes and deletion or take only change requests, and their page. */
package dev.assay.server.git.protection;
