/**
 * The built-in tasks of a test pipeline — {@code build}, {@code install}, {@code import}, {@code test}, {@code coverage} and {@code lint} —
 * each run inside the {@link dev.assay.tasks.sandbox.Sandbox}, with the report evaluators that judge their
 * raw data and the {@link dev.assay.tasks.builtin.JUnitXmlParser} the test task reads results with.
 */
package dev.assay.tasks.builtin;
