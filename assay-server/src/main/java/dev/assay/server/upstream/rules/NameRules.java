package dev.assay.server.upstream.rules;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.packaging.name.ProjectName;
import dev.assay.server.accounts.Caller;
import dev.assay.server.error.ConflictException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.upstream.config.Upstreams;

/**
 * The rules for managing name rules, for administrators: a pattern is a project name (normalised as PEP 503 does)
 * in which {@code *} stands for any run of characters, at most 200 characters, one rule per pattern; reserving a
 * name is adding a deny rule for it.
 */
@Service
public class NameRules {

    public static final int MAX_PATTERN_LENGTH = 200;
    public static final int MAX_REASON_LENGTH = 500;
    // a normalized name once every '*' stands for a letter: letters and digits, single '-' between them
    private static final Pattern NORMALIZED = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final NameRuleRepository rules;
    private final Clock clock;

    public NameRules(NameRuleRepository rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    /** Every rule, by pattern. */
    public List<NameRule> list(Caller caller) {
        Upstreams.requireAdministrator(caller);
        return rules.list();
    }

    /** Adds a rule ({@code action} allow or deny), or says what to fix. */
    @Transactional
    public NameRule add(Caller caller, String pattern, String action, String reason) {
        Upstreams.requireAdministrator(caller);
        String normalized = pattern(pattern);
        NameRule.Action parsed = action(action);
        Optional<String> why = reason == null || reason.isBlank() ? Optional.empty() : Optional.of(reason.strip());
        if (why.isPresent() && why.get().length() > MAX_REASON_LENGTH) {
            throw new InvalidInputException("A reason is at most " + MAX_REASON_LENGTH + " characters");
        }
        if (rules.exists(normalized)) {
            throw duplicate(normalized);
        }
        try {
            long id = rules.insert(normalized, parsed, why, Optional.of(caller.user().id()), clock.instant());
            return rules.list().stream().filter(rule -> rule.id() == id).findFirst().orElseThrow();
        } catch (DuplicateKeyException raced) {
            throw duplicate(normalized);
        }
    }

    /** Removes a rule. */
    @Transactional
    public void remove(Caller caller, long id) {
        Upstreams.requireAdministrator(caller);
        if (!rules.delete(id)) {
            throw new NotFoundException("there is no upstream name rule " + id);
        }
    }

    /** A pattern as stored (normalised as PEP 503 does names), or what is wrong with it. */
    static String pattern(String given) {
        if (given == null || given.isBlank()) {
            throw new InvalidInputException("Missing pattern: give a project name, with * for any run of characters "
                    + "(e.g. acme-*)");
        }
        String normalized = ProjectName.normalize(given.strip());
        if (normalized.length() > MAX_PATTERN_LENGTH) {
            throw new InvalidInputException("A pattern is at most " + MAX_PATTERN_LENGTH + " characters");
        }
        if (!NORMALIZED.matcher(normalized.replace('*', 'x')).matches()) {
            throw new InvalidInputException("The pattern '" + given.strip() + "' is not a project name with * for "
                    + "any run of characters: use letters, digits and - _ . between them (e.g. acme-* or *-internal)");
        }
        return normalized;
    }

    private static NameRule.Action action(String given) {
        String word = given == null ? "" : given.strip().toLowerCase(Locale.ROOT);
        for (NameRule.Action action : NameRule.Action.values()) {
            if (action.word().equals(word)) {
                return action;
            }
        }
        throw new InvalidInputException("The action must be allow or deny" + (given == null ? "" : ", not '"
                + (given.length() > 50 ? given.substring(0, 50) + "…" : given) + "'"));
    }

    private static ConflictException duplicate(String pattern) {
        return new ConflictException("There is already a rule for the pattern " + pattern
                + "; remove it first to change it");
    }
}
