package dev.assay.server.accounts.admin;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.Group;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.accounts.admin.AccountViews.CreatedTokenView;
import dev.assay.server.accounts.admin.AccountViews.TokenView;
import dev.assay.server.accounts.admin.AccountViews.UserView;
import dev.assay.server.accounts.tokens.CreatedToken;
import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.error.ForbiddenException;

/**
 * What the admin commands do, for an administrator calling the admin API of a running server: the same account and
 * token operations, each refused to anyone but an administrator signed in with a password (never a token).
 */
@Service
public class AdminAccountsService {

    private final AccountService accounts;
    private final TokenService tokens;

    public AdminAccountsService(AccountService accounts, TokenService tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    /** Creates a user account. */
    public UserView createUser(Caller caller, NewUser request) {
        requireAdministrator(caller);
        return UserView.of(accounts.create(request));
    }

    /** A user account. */
    public UserView user(Caller caller, String name) {
        requireAdministrator(caller);
        return UserView.of(accounts.user(name));
    }

    /** Puts a user in groups and takes them out of others. */
    public UserView changeGroups(Caller caller, String name, Set<Group> added, Set<Group> removed) {
        requireAdministrator(caller);
        return UserView.of(accounts.changeGroups(name, added, removed));
    }

    /** Creates a token for any user; the secret is in the answer, and nowhere else. */
    public CreatedTokenView createToken(Caller caller, NewToken request) {
        requireAdministrator(caller);
        CreatedToken created = tokens.create(request);
        return new CreatedTokenView(created.secret(), TokenView.of(created.token()));
    }

    /** Every token of a user, revoked ones included. */
    public List<TokenView> tokens(Caller caller, String owner) {
        requireAdministrator(caller);
        return tokens.list(owner).stream().map(TokenView::of).toList();
    }

    /** Revokes any token. */
    public TokenView revoke(Caller caller, long id) {
        requireAdministrator(caller);
        return TokenView.of(tokens.revoke(id));
    }

    private static void requireAdministrator(Caller caller) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException("only administrators (the admins group, signed in with a password, not a "
                    + "token) may manage users and tokens");
        }
    }
}
