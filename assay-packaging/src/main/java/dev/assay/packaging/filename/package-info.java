/** Wheel and sdist file names: parsing {@code name-version(-build)-python-abi-platform.whl} and {@code name-version.tar.gz}. */
package dev.assay.packaging.filename;
