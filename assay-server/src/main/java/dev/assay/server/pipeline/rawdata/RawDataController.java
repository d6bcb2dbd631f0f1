package dev.assay.server.pipeline.rawdata;

import java.util.Optional;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.pipeline.rawdata.RawDataService.Download;
import dev.assay.server.pipeline.rawdata.RawDataService.TaskRawData;

/**
 * Downloads of a pipeline task's raw data, its JSON and its kept files: under {@code /api/v1/pipelines/…/raw}
 * for machine clients, and again under {@code /pipelines/…/raw} for the links of the pipeline page, whose
 * signed-in readers' session the API does not read. {@code ?job=ID} picks a job of a pipeline with several (one per
 * Python version); without it, the latest.
 */
@RestController
class RawDataController {

    private final RawDataService rawData;
    private final CallerResolver callers;

    RawDataController(RawDataService rawData, CallerResolver callers) {
        this.rawData = rawData;
        this.callers = callers;
    }

    @GetMapping("/api/v1/pipelines/{id}/raw/{task}")
    TaskRawData taskRawData(@PathVariable long id, @PathVariable String task, @RequestParam Optional<Long> job,
            Authentication auth) {
        return rawData.taskRawData(callers.caller(auth), id, job, task, true);
    }

    @GetMapping("/api/v1/pipelines/{id}/raw/{task}/files/{name}")
    @ApiResponse(responseCode = "200", description = "The file a task kept, with its own content type",
            content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<Resource> apiFile(@PathVariable long id, @PathVariable String task, @PathVariable String name,
            @RequestParam Optional<Long> job, Authentication auth) {
        return send(rawData.file(callers.caller(auth), id, job, task, name, true));
    }

    @GetMapping("/pipelines/{id}/raw/{task}")
    TaskRawData pageTaskRawData(@PathVariable long id, @PathVariable String task, @RequestParam Optional<Long> job,
            Authentication auth) {
        return rawData.taskRawData(callers.caller(auth), id, job, task, false);
    }

    @GetMapping("/pipelines/{id}/raw/{task}/files/{name}")
    ResponseEntity<Resource> pageFile(@PathVariable long id, @PathVariable String task, @PathVariable String name,
            @RequestParam Optional<Long> job, Authentication auth) {
        return send(rawData.file(callers.caller(auth), id, job, task, name, false));
    }

    private static ResponseEntity<Resource> send(Download download) {
        ContentDisposition.Builder builder = download.inline() ? ContentDisposition.inline()
                : ContentDisposition.attachment();
        ContentDisposition disposition = builder.filename(download.filename()).build();
        return ResponseEntity.ok()
                .contentType(download.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(download.path()));
    }
}
