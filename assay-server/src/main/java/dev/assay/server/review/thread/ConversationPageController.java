package dev.assay.server.review.thread;

import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.review.thread.anchor.Anchor;
import dev.assay.server.review.thread.anchor.Side;

/**
 * {@code /reviews/{n}/conversation…}, {@code /changes/{n}/conversation…} and {@code /diffs/{n}/conversation…}: the
 * threads of a discussion as pages and htmx fragments. Every action is a CSRF-protected form: an htmx request gets
 * the rendered thread back, a plain one is redirected to {@code back}.
 */
@Controller
@RequestMapping({"/reviews/{number}/conversation", "/changes/{number}/conversation",
        "/diffs/{number}/conversation"})
class ConversationPageController {

    // back is where a plain form returns to: a page of this site about a discussion, never another site
    private static final Pattern BACK = Pattern.compile("/(reviews|changes|diffs)/\\d+[A-Za-z0-9/_.?=&%+#-]*");
    private static final String FRAGMENTS = "review/thread/fragments";

    private final ThreadService threads;
    private final CallerResolver callers;

    ConversationPageController(ThreadService threads, CallerResolver callers) {
        this.threads = threads;
        this.callers = callers;
    }

    /** The prefix the thread fragments link under: the one this request came by. */
    @ModelAttribute("threadsPrefix")
    String threadsPrefix(HttpServletRequest request) {
        return DiscussionPrefix.segmentOf(request.getRequestURI());
    }

    @GetMapping
    String page(Authentication authentication, @PathVariable long number, @RequestParam Optional<Integer> iteration,
            HttpServletRequest request, Model model) {
        model.addAttribute("c", threads.conversation(callers.caller(authentication), number, iteration));
        model.addAttribute("back", here(request));
        return "review/thread/conversation";
    }

    @GetMapping("/file")
    String file(Authentication authentication, @PathVariable long number, @RequestParam Optional<Integer> iteration,
            @RequestParam String path, HttpServletRequest request, Model model) {
        FileThreads file = threads.file(callers.caller(authentication), number, iteration, path);
        model.addAttribute("f", file);
        model.addAttribute("c", file.conversation());
        model.addAttribute("back", here(request));
        return "review/thread/file";
    }

    @GetMapping("/box")
    String box(Authentication authentication, @PathVariable long number, @RequestParam int iteration,
            @RequestParam String path, @RequestParam int line, @RequestParam(defaultValue = "new") String side,
            @RequestParam(required = false) String back, Model model) {
        boxModel(authentication, number, iteration, path, line, side, back, model);
        return FRAGMENTS + " :: comment-box";
    }

    @GetMapping("/new")
    String newComment(Authentication authentication, @PathVariable long number, @RequestParam int iteration,
            @RequestParam String path, @RequestParam int line, @RequestParam(defaultValue = "new") String side,
            @RequestParam(required = false) String back, Model model) {
        boxModel(authentication, number, iteration, path, line, side, back, model);
        return "review/thread/new-comment";
    }

    @PostMapping("/threads")
    String start(Authentication authentication, @PathVariable long number, @RequestParam(required = false) String body,
            @RequestParam Optional<Integer> iteration, @RequestParam Optional<String> path,
            @RequestParam Optional<Integer> line, @RequestParam(defaultValue = "new") String side,
            @RequestParam(defaultValue = "false") boolean draft, @RequestParam(required = false) String back,
            HttpServletRequest request, Model model) {
        Caller caller = callers.require(authentication);
        Anchor anchor = path.filter(given -> !given.isBlank()).map(given -> new Anchor(iteration.orElse(0), given,
                line.orElseThrow(() -> new InvalidInputException("Missing line")), Side.ofKey(side))).orElse(null);
        try {
            ThreadView created = threads.start(caller, number, new ThreadService.NewThread(body, anchor, draft,
                    Set.of()));
            return answer(request, model, number, created, back);
        } catch (InvalidInputException refused) {
            if (!isHtmx(request) || anchor == null) {
                throw refused;
            }
            boxModel(authentication, number, anchor.iteration(), anchor.path(), anchor.line(), side, back, model);
            model.addAttribute("problem", refused.getMessage());
            model.addAttribute("body", body);
            return FRAGMENTS + " :: comment-box";
        }
    }

    @PostMapping("/threads/{thread}/comments")
    String reply(Authentication authentication, @PathVariable long number, @PathVariable long thread,
            @RequestParam(required = false) String body, @RequestParam(defaultValue = "false") boolean draft,
            @RequestParam(required = false) String back, HttpServletRequest request, Model model) {
        return answer(request, model, number,
                threads.reply(callers.require(authentication), number, thread, body, draft), back);
    }

    @PostMapping("/threads/{thread}/resolve")
    String resolve(Authentication authentication, @PathVariable long number, @PathVariable long thread,
            @RequestParam(required = false) String back, HttpServletRequest request, Model model) {
        return answer(request, model, number,
                threads.setResolved(callers.require(authentication), number, thread, true), back);
    }

    @PostMapping("/threads/{thread}/reopen")
    String reopen(Authentication authentication, @PathVariable long number, @PathVariable long thread,
            @RequestParam(required = false) String back, HttpServletRequest request, Model model) {
        return answer(request, model, number,
                threads.setResolved(callers.require(authentication), number, thread, false), back);
    }

    @PostMapping("/threads/{thread}/tags")
    String tags(Authentication authentication, @PathVariable long number, @PathVariable long thread,
            @RequestParam(required = false) List<String> tags, @RequestParam(required = false) String back,
            HttpServletRequest request, Model model) {
        return answer(request, model, number, threads.setTags(callers.require(authentication), number, thread,
                tags == null ? List.of() : tags), back);
    }

    @PostMapping("/publish")
    String publish(Authentication authentication, @PathVariable long number,
            @RequestParam(required = false) String back) {
        threads.publish(callers.require(authentication), number);
        return "redirect:" + back(number, back);
    }

    private void boxModel(Authentication authentication, long number, int iteration, String path, int line,
            String side, String back, Model model) {
        // the same checks as the list: the review must be readable and the iteration exist
        threads.conversation(Optional.of(callers.require(authentication)), number, Optional.of(iteration));
        model.addAttribute("n", number);
        model.addAttribute("iteration", iteration);
        model.addAttribute("path", path);
        model.addAttribute("line", line);
        model.addAttribute("side", Side.ofKey(side).key());
        model.addAttribute("back", back(number, back));
        model.addAttribute("problem", null);
        model.addAttribute("body", "");
    }

    private String answer(HttpServletRequest request, Model model, long number, ThreadView thread, String back) {
        if (!isHtmx(request)) {
            return "redirect:" + back(number, back).replaceFirst("#.*", "") + "#thread-" + thread.id();
        }
        model.addAttribute("t", thread);
        model.addAttribute("n", number);
        model.addAttribute("back", back(number, back));
        model.addAttribute("mayComment", true);
        return FRAGMENTS + " :: thread";
    }

    private static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    private static String back(long number, String back) {
        if (back != null && BACK.matcher(back).matches()) {
            return back;
        }
        String here = ServletUriComponentsBuilder.fromCurrentRequestUri().build().getPath();
        return "/" + DiscussionPrefix.segmentOf(here == null ? "" : here) + "/" + number + "/conversation";
    }

    private static String here(HttpServletRequest request) {
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString()).build()
                .toUriString();
    }
}
