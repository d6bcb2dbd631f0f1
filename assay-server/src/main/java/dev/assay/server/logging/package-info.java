/** Operations logging: the request id every HTTP request and the jobs it creates carry in their log lines. */
package dev.assay.server.logging;
