package dev.assay.server.upstream.fetch;

/** An upstream answer that is not a Simple Repository API project page; the message says what is wrong. */
class MalformedPageException extends RuntimeException {

    MalformedPageException(String message) {
        super(message);
    }
}
