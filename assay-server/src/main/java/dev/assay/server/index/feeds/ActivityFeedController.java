package dev.assay.server.index.feeds;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.accounts.User;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.Reader;

/**
 * {@code /rss/user/NAME/activity.xml}: what a person did, newest first (the releases they uploaded, the package
 * reviews and change requests they opened), each source keeping to what the caller may read.
 */
@RestController
class ActivityFeedController {

    private static final int ITEMS = 40;

    private final AccountService accounts;
    private final ProjectService projects;
    private final CallerResolver callers;
    private final List<ActivitySource> sources;

    ActivityFeedController(AccountService accounts, ProjectService projects, CallerResolver callers,
            List<ActivitySource> sources) {
        this.accounts = accounts;
        this.projects = projects;
        this.callers = callers;
        this.sources = sources;
    }

    @GetMapping("/rss/user/{name}/activity.xml")
    ResponseEntity<byte[]> activity(Authentication authentication, @PathVariable String name) {
        User person = accounts.user(name);
        Reader reader = projects.reader(callers.caller(authentication));
        String site = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        List<FeedItem> items = sources.stream()
                .flatMap(source -> source.activity(person.id(), reader, ITEMS).stream())
                .sorted(Comparator.comparing(Activity::at).reversed()).limit(ITEMS)
                .map(done -> new FeedItem(done.title(), site + done.path(), done.description(), done.at()))
                .toList();
        byte[] document = RssWriter.channel(person.name() + "'s activity", site + "/users/"
                + UriUtils.encodePathSegment(person.name(), StandardCharsets.UTF_8),
                "What " + person.name() + " did on this index, newest first.", items);
        return FeedController.rss(document);
    }
}
