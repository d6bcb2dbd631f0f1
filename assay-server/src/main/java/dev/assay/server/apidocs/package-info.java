/**
 * The OpenAPI description of the REST API ({@code /api/v1}), generated from the controllers by springdoc and
 * served with its Swagger UI page under {@code /api/docs}: security schemes, tags per feature, the problem shape.
 */
package dev.assay.server.apidocs;
