/** Core metadata 1.0–2.4 ({@code METADATA}, {@code PKG-INFO}, upload forms): parsing, validation and comparison. */
package dev.assay.packaging.metadata;
