package dev.assay.server.notify;

import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.error.ForbiddenException;

/** The inbox and watching over the REST API, for the authenticated caller only. */
@RestController
@RequestMapping("/api/v1")
class InboxApiController {

    /** The inbox as the API sends it. */
    record InboxView(long unread, List<Notification> notifications) {
    }

    private final InboxService inbox;
    private final WatchService watching;
    private final CallerResolver callers;

    InboxApiController(InboxService inbox, WatchService watching, CallerResolver callers) {
        this.inbox = inbox;
        this.watching = watching;
        this.callers = callers;
    }

    @GetMapping("/notifications")
    InboxView inbox(Authentication authentication) {
        Caller caller = caller(authentication);
        return new InboxView(inbox.unread(caller), inbox.inbox(caller));
    }

    @PostMapping("/notifications/{id}/read")
    Notification markRead(Authentication authentication, @PathVariable long id) {
        return inbox.markRead(caller(authentication), id);
    }

    @PostMapping("/notifications/read-all")
    Map<String, Integer> markAllRead(Authentication authentication) {
        return Map.of("marked", inbox.markAllRead(caller(authentication)));
    }

    @GetMapping("/watching")
    List<Watched> watched(Authentication authentication) {
        return watching.watchedBy(caller(authentication));
    }

    @PutMapping("/watching/projects/{name}")
    Map<String, Boolean> watchProject(Authentication authentication, @PathVariable String name) {
        return Map.of("watching", watching.watchProject(caller(authentication), name, true));
    }

    @DeleteMapping("/watching/projects/{name}")
    Map<String, Boolean> unwatchProject(Authentication authentication, @PathVariable String name) {
        return Map.of("watching", watching.watchProject(caller(authentication), name, false));
    }

    @PutMapping("/watching/discussions/{number}")
    Map<String, Boolean> watchDiscussion(Authentication authentication, @PathVariable long number) {
        return Map.of("watching", watching.watchDiscussion(caller(authentication), number, true));
    }

    @DeleteMapping("/watching/discussions/{number}")
    Map<String, Boolean> unwatchDiscussion(Authentication authentication, @PathVariable long number) {
        return Map.of("watching", watching.watchDiscussion(caller(authentication), number, false));
    }

    /**
     * The caller, if their credentials may use the inbox and watching: the one place this is decided. A password
     * may; an API token may not yet, until tokens get a scope for reviews and notifications.
     */
    private Caller caller(Authentication authentication) {
        Caller caller = callers.require(authentication);
        if (caller.token().isPresent()) {
            throw new ForbiddenException("notifications and watching need your user name and password: "
                    + "API tokens do not carry that right");
        }
        return caller;
    }
}
