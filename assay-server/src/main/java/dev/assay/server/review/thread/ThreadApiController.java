package dev.assay.server.review.thread;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.review.thread.anchor.Anchor;
import dev.assay.server.review.thread.anchor.Side;

/**
 * {@code /api/v1/reviews/{n}/threads…} and {@code /publish} (and the same under {@code /api/v1/changes/{n}} and
 * {@code /api/v1/diffs/{n}}):
 * threads of a review or change request for clients authenticating with
 * HTTP Basic (a password or a token); the thread service decides who may.
 */
@RestController
@RequestMapping({"/api/v1/reviews/{number}", "/api/v1/changes/{number}", "/api/v1/diffs/{number}"})
class ThreadApiController {

    /** The body of a new thread: no path for a general comment; iteration defaults to the newest. */
    record ThreadRequest(String body, String path, Integer line, String side, Integer iteration, Boolean draft,
            List<String> tags) {
    }

    /** The body of a reply. */
    record ReplyRequest(String body, Boolean draft) {
    }

    /** The body of a tag change. */
    record TagsRequest(List<String> tags) {
    }

    /** The threads of a review placed in one iteration. */
    record ThreadList(long discussion, int iteration, List<Integer> iterations, long unresolved, int drafts,
            List<ThreadView> threads) {
    }

    private final ThreadService threads;
    private final CallerResolver callers;

    ThreadApiController(ThreadService threads, CallerResolver callers) {
        this.threads = threads;
        this.callers = callers;
    }

    @GetMapping("/threads")
    ThreadList list(Authentication authentication, @PathVariable long number,
            @RequestParam Optional<Integer> iteration) {
        Conversation conversation = threads.conversation(callers.caller(authentication), number, iteration);
        return new ThreadList(number, conversation.viewed(), conversation.iterations(), conversation.unresolved(),
                conversation.drafts(), conversation.threads());
    }

    @GetMapping("/threads/{thread}")
    ThreadView get(Authentication authentication, @PathVariable long number, @PathVariable long thread,
            @RequestParam Optional<Integer> iteration) {
        return threads.thread(callers.caller(authentication), number, thread, iteration);
    }

    @PostMapping("/threads")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<ThreadView> start(Authentication authentication, @PathVariable long number,
            @RequestBody(required = false) ThreadRequest request) {
        ThreadRequest given = request == null ? new ThreadRequest(null, null, null, null, null, null, null) : request;
        ThreadView created = threads.start(callers.require(authentication), number,
                new ThreadService.NewThread(given.body(), anchor(given), Boolean.TRUE.equals(given.draft()),
                        ThreadService.parseTags(given.tags())));
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @PostMapping("/threads/{thread}/comments")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    ResponseEntity<ThreadView> reply(Authentication authentication, @PathVariable long number,
            @PathVariable long thread, @RequestBody(required = false) ReplyRequest request) {
        ThreadView replied = threads.reply(callers.require(authentication), number, thread,
                request == null ? null : request.body(), request != null && Boolean.TRUE.equals(request.draft()));
        return ResponseEntity.status(HttpStatus.CREATED).body(replied);
    }

    @PostMapping("/threads/{thread}/resolve")
    ThreadView resolve(Authentication authentication, @PathVariable long number, @PathVariable long thread) {
        return threads.setResolved(callers.require(authentication), number, thread, true);
    }

    @PostMapping("/threads/{thread}/reopen")
    ThreadView reopen(Authentication authentication, @PathVariable long number, @PathVariable long thread) {
        return threads.setResolved(callers.require(authentication), number, thread, false);
    }

    @PutMapping("/threads/{thread}/tags")
    ThreadView tags(Authentication authentication, @PathVariable long number, @PathVariable long thread,
            @RequestBody(required = false) TagsRequest request) {
        return threads.setTags(callers.require(authentication), number, thread,
                request == null || request.tags() == null ? List.of() : request.tags());
    }

    @PostMapping("/publish")
    ThreadService.Round publish(Authentication authentication, @PathVariable long number) {
        return threads.publish(callers.require(authentication), number);
    }

    private Anchor anchor(ThreadRequest request) {
        if (request.path() == null) {
            if (request.line() != null || request.side() != null || request.iteration() != null) {
                throw new InvalidInputException("An inline comment needs path as well as line; a general comment "
                        + "sends none of path, line, side and iteration");
            }
            return null;
        }
        if (request.line() == null) {
            throw new InvalidInputException("Missing line: an inline comment needs the line number (from 1)");
        }
        return new Anchor(request.iteration() == null ? 0 : request.iteration(), request.path(), request.line(),
                Side.ofKey(request.side()));
    }
}
