package dev.assay.server.index.upload;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.error.InvalidInputException;

/** {@code POST /legacy/}: the upload API that twine, flit and poetry speak. */
@RestController
class UploadController {

    private final UploadService uploads;
    private final CallerResolver callers;

    UploadController(UploadService uploads, CallerResolver callers) {
        this.uploads = uploads;
        this.callers = callers;
    }

    @PostMapping(path = {"/legacy/", "/legacy"}, produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> upload(HttpServletRequest request, Authentication authentication) throws IOException {
        Caller caller = callers.require(authentication);
        // before the form is parsed (lazily, at the first getFile): a body declared too large is not read at all
        uploads.checkDeclaredLength(request.getContentLengthLong());
        if (!(request instanceof MultipartHttpServletRequest multipart)) {
            throw new InvalidInputException("An upload is a multipart/form-data POST with the file in the part 'content'");
        }
        MultipartFile content = multipart.getFile("content");
        if (content == null) {
            throw new InvalidInputException("Missing file: send the distribution in the form part 'content'");
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        multipart.getParameterMap().forEach((name, values) -> fields.put(name, Arrays.asList(values)));
        uploads.upload(caller, new UploadForm(fields), content.getOriginalFilename(),
                target -> content.transferTo(target));
        return ResponseEntity.ok("OK\n");
    }
}
