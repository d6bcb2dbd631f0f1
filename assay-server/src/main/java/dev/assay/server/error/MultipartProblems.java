package dev.assay.server.error;

import org.apache.tomcat.util.http.fileupload.MultipartStream;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.InvalidContentTypeException;
import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;
import org.springframework.web.multipart.MultipartException;

import dev.assay.server.config.UploadLimits;

/**
 * Says what was wrong with a multipart body the web server's parser refused: 413 only when the body is too
 * large, otherwise a 400 naming the limit exceeded or what is malformed. (Spring reports every refusal whose
 * message mentions a size as "maximum upload size exceeded", a part count and a part header included.)
 */
final class MultipartProblems {

    private MultipartProblems() {
    }

    static AssayException explain(MultipartException failure, UploadLimits limits) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof FileSizeLimitExceededException part && part.getFileName() == null) {
                return new InvalidInputException("The form field '" + part.getFieldName() + "' is larger than the "
                        + "limit of " + part.getPermittedSize() + " bytes");
            }
            if (cause instanceof FileSizeLimitExceededException) {
                return new ContentTooLargeException("File too large: the limit is " + limits.maxFileSize().toBytes()
                        + " bytes per file");
            }
            if (cause instanceof FileCountLimitExceededException count) {
                return new InvalidInputException("Too many parts in the upload form: the limit is " + count.getLimit()
                        + " parts (the file and one per metadata value)");
            }
            if (cause instanceof SizeLimitExceededException size && String.valueOf(size.getMessage())
                    .startsWith("Header section")) {
                return new InvalidInputException("A part header of the upload form is longer than the limit of "
                        + size.getPermittedSize() + " bytes");
            }
            if (cause instanceof SizeLimitExceededException) {
                return new ContentTooLargeException("The upload is larger than the limit of " + limits.maxRequestBytes()
                        + " bytes");
            }
            if (String.valueOf(cause.getMessage()).contains("maxPostSize")) {
                return new InvalidInputException("The fields of the upload form (all but the file) are larger than the "
                        + "limit of " + limits.maxFormSize().toBytes() + " bytes");
            }
            if (cause instanceof InvalidContentTypeException || String.valueOf(cause.getMessage()).contains("boundary")) {
                return new InvalidInputException("Malformed upload: the Content-Type must be multipart/form-data with a "
                        + "boundary=… parameter (" + cause.getMessage() + ")");
            }
            if (cause instanceof MultipartStream.MalformedStreamException) {
                return malformed(cause);
            }
        }
        return malformed(rootOf(failure));
    }

    private static AssayException malformed(Throwable cause) {
        return new InvalidInputException("Malformed multipart/form-data body (" + cause.getMessage() + "): it must end "
                + "with its closing boundary, within the declared Content-Length");
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
