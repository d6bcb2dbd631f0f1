package dev.assay.server.review.thread.people;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.error.InvalidInputException;

/** {@code GET /api/v1/users?prefix=al}: user names for completing {@code @mentions}, for signed-in callers only. */
@RestController
class PeopleController {

    static final int LIMIT = 8;
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    /** One name offered for completion. */
    record Name(String name) {
    }

    private final PeopleRepository people;
    private final CallerResolver callers;

    PeopleController(PeopleRepository people, CallerResolver callers) {
        this.people = people;
        this.callers = callers;
    }

    @GetMapping({"/api/v1/users", "/complete/users"})
    List<Name> complete(Authentication authentication, @RequestParam(required = false) String prefix) {
        callers.require(authentication);
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new InvalidInputException("Send prefix: 1 to 40 letters, digits, '.', '_' or '-' a user name starts with");
        }
        return people.startingWith(prefix, LIMIT).stream().map(person -> new Name(person.name())).toList();
    }
}
