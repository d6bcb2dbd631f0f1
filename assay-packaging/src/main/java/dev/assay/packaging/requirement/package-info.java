/** PEP 508 dependency specifiers: requirements, environment markers and the environments they are evaluated in. */
package dev.assay.packaging.requirement;
