package dev.assay.server.index.upload;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.error.InvalidInputException;

/** {@code POST /legacy/}: the upload API that twine, flit and poetry speak. */
@RestController
class UploadController {

    private final UploadService uploads;
    private final CallerResolver callers;
    private final MultipartFormReader forms;

    UploadController(UploadService uploads, CallerResolver callers, MultipartFormReader forms) {
        this.uploads = uploads;
        this.callers = callers;
        this.forms = forms;
    }

    @PostMapping(path = {"/legacy/", "/legacy"}, produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> upload(HttpServletRequest request, Authentication authentication) {
        Caller caller = callers.require(authentication);
        // before the body is read: a body declared too large is not read at all
        uploads.checkDeclaredLength(request.getContentLengthLong());
        if (!JakartaServletFileUpload.isMultipartContent(request)) {
            throw new InvalidInputException("An upload is a multipart/form-data POST with the file in the part 'content'");
        }
        // the body is read here, once, as a stream: nothing before this (Spring's multipart resolution is lazy and
        // never asked for this request) has parsed it
        uploads.upload(caller, target -> forms.read(request, target));
        return ResponseEntity.ok("OK\n");
    }
}
