package dev.assay.server.error;

import org.apache.commons.fileupload2.core.FileUploadByteCountLimitException;
import org.apache.commons.fileupload2.core.FileUploadContentTypeException;
import org.apache.commons.fileupload2.core.FileUploadFileCountLimitException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.core.MultipartInput;
import org.apache.tomcat.util.http.fileupload.MultipartStream;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.InvalidContentTypeException;
import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;

import dev.assay.server.config.UploadLimits;

/**
 * Says what was wrong with a multipart body a parser refused — the upload API's streaming parser (Commons
 * FileUpload) or, for any other form, the web server's: 413 only when the body is too large, otherwise a 400
 * naming the limit exceeded or what is malformed. (Spring reports every refusal whose message mentions a size
 * as "maximum upload size exceeded", a part count and a part header included.)
 */
public final class MultipartProblems {

    private MultipartProblems() {
    }

    /** The refusal to answer for {@code failure}, found anywhere in its chain of causes. */
    public static AssayException explain(Throwable failure, UploadLimits limits) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            AssayException known = sizeProblem(cause, limits);
            if (known != null) {
                return known;
            }
            if (cause instanceof InvalidContentTypeException || cause instanceof FileUploadContentTypeException
                    || String.valueOf(cause.getMessage()).contains("boundary")) {
                return new InvalidInputException("Malformed upload: the Content-Type must be multipart/form-data with a "
                        + "boundary=… parameter (" + cause.getMessage() + ")");
            }
            if (cause instanceof MultipartStream.MalformedStreamException
                    || cause instanceof MultipartInput.MalformedStreamException) {
                return malformed(cause);
            }
        }
        return malformed(rootOf(failure));
    }

    /** More parts than {@code limit}. */
    public static AssayException tooManyParts(long limit) {
        return new InvalidInputException("Too many parts in the upload form: the limit is " + limit
                + " parts (the file and one per metadata value)");
    }

    /** A part header longer than {@code limit} bytes. */
    public static AssayException partHeaderTooLong(long limit) {
        return new InvalidInputException("A part header of the upload form is longer than the limit of " + limit + " bytes");
    }

    /** All fields but the file together larger than the limit. */
    public static AssayException fieldsTooLarge(UploadLimits limits) {
        return new InvalidInputException("The fields of the upload form (all but the file) are larger than the "
                + "limit of " + limits.maxFormSize().toBytes() + " bytes");
    }

    private static AssayException sizeProblem(Throwable cause, UploadLimits limits) {
        if (cause instanceof FileSizeLimitExceededException part && part.getFileName() == null) {
            return fieldTooLarge(part.getFieldName(), part.getPermittedSize());
        }
        if (cause instanceof FileUploadByteCountLimitException part && part.getFileName() == null) {
            return fieldTooLarge(part.getFieldName(), part.getPermitted());
        }
        if (cause instanceof FileSizeLimitExceededException || cause instanceof FileUploadByteCountLimitException) {
            return new ContentTooLargeException("File too large: the limit is " + limits.maxFileSize().toBytes()
                    + " bytes per file");
        }
        if (cause instanceof FileCountLimitExceededException count) {
            return tooManyParts(count.getLimit());
        }
        if (cause instanceof FileUploadFileCountLimitException count) {
            return tooManyParts(count.getPermitted());
        }
        if (String.valueOf(cause.getMessage()).startsWith("Header section")) {
            return partHeaderTooLong(limits.maxPartHeaderSize().toBytes());
        }
        if (cause instanceof SizeLimitExceededException || cause instanceof FileUploadSizeException) {
            return new ContentTooLargeException("The upload is larger than the limit of " + limits.maxRequestBytes()
                    + " bytes");
        }
        if (String.valueOf(cause.getMessage()).contains("maxPostSize")) {
            return fieldsTooLarge(limits);
        }
        return null;
    }

    private static AssayException fieldTooLarge(String field, long limit) {
        return new InvalidInputException("The form field '" + field + "' is larger than the limit of " + limit + " bytes");
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
