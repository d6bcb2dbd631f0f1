/** PEP 425 platform compatibility tags: which wheel tags an interpreter supports, in pip's order of preference. */
package dev.assay.packaging.tags;
