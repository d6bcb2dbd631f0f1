package dev.assay.server.index.upload;

/**
 * An upload's body as read in one pass: its fields, and the file part {@code content} (its name as the client sent
 * it, and the file written with its digests), both null when the form had no such file part.
 */
record ReceivedForm(UploadForm form, String filename, ReceivedFile file) {

    boolean hasFile() {
        return file != null;
    }
}
