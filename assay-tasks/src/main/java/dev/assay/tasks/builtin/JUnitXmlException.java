package dev.assay.tasks.builtin;

/** A JUnit XML file that cannot be read: not well-formed, or not JUnit's shape. */
public final class JUnitXmlException extends Exception {

    public JUnitXmlException(String message, Throwable cause) {
        super(message, cause);
    }

    public JUnitXmlException(String message) {
        super(message);
    }
}
