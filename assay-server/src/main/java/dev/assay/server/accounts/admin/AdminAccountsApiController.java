package dev.assay.server.accounts.admin;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.accounts.Group;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.accounts.admin.AccountViews.CreatedTokenView;
import dev.assay.server.accounts.admin.AccountViews.TokenView;
import dev.assay.server.accounts.admin.AccountViews.UserView;
import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;

/** The admin API of users and tokens, which {@code assay user … --server URL} and {@code assay token …} call. */
@RestController
class AdminAccountsApiController {

    /** A user to create; {@code groups} by name (admins, sponsors, reviewers). */
    record NewUserRequest(String name, String email, String fullName, String password, List<String> groups) {
    }

    /** Groups to put a user in and to take them out of. */
    record GroupChange(List<String> add, List<String> remove) {
    }

    /** A token to create: its project (null for all), scopes by name, description. */
    record NewTokenRequest(String project, List<String> scopes, String description) {
    }

    private final AdminAccountsService admin;
    private final CallerResolver callers;

    AdminAccountsApiController(AdminAccountsService admin, CallerResolver callers) {
        this.admin = admin;
        this.callers = callers;
    }

    @PostMapping("/api/v1/admin/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserView createUser(Authentication authentication, @RequestBody NewUserRequest request) {
        return admin.createUser(callers.require(authentication), new NewUser(request.name(), request.email(),
                request.fullName(), request.password(), groups(request.groups())));
    }

    @GetMapping("/api/v1/admin/users/{name}")
    UserView user(Authentication authentication, @PathVariable String name) {
        return admin.user(callers.require(authentication), name);
    }

    @PostMapping("/api/v1/admin/users/{name}/groups")
    UserView changeGroups(Authentication authentication, @PathVariable String name, @RequestBody GroupChange change) {
        return admin.changeGroups(callers.require(authentication), name, groups(change.add()), groups(change.remove()));
    }

    @GetMapping("/api/v1/admin/users/{name}/tokens")
    List<TokenView> tokens(Authentication authentication, @PathVariable String name) {
        return admin.tokens(callers.require(authentication), name);
    }

    @PostMapping("/api/v1/admin/users/{name}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedTokenView createToken(Authentication authentication, @PathVariable String name,
            @RequestBody NewTokenRequest request) {
        Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
        if (request.scopes() != null) {
            request.scopes().forEach(scope -> scopes.add(TokenScope.ofKey(scope)));
        }
        return admin.createToken(callers.require(authentication), new NewToken(name, request.description(),
                request.project(), scopes));
    }

    @DeleteMapping("/api/v1/admin/tokens/{id}")
    TokenView revoke(Authentication authentication, @PathVariable long id) {
        return admin.revoke(callers.require(authentication), id);
    }

    private static Set<Group> groups(List<String> names) {
        Set<Group> groups = EnumSet.noneOf(Group.class);
        if (names != null) {
            names.forEach(name -> groups.add(Group.parse(name)));
        }
        return groups;
    }
}
