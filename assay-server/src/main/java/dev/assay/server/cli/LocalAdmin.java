package dev.assay.server.cli;

import java.util.List;
import java.util.Set;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.Group;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.accounts.admin.AccountViews.CreatedTokenView;
import dev.assay.server.accounts.admin.AccountViews.TokenView;
import dev.assay.server.accounts.admin.AccountViews.UserView;
import dev.assay.server.accounts.tokens.CreatedToken;
import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.pipeline.plugins.TaskSwitches;
import dev.assay.server.pipeline.plugins.TaskList;
import dev.assay.server.pipeline.plugins.TaskView;

/** An admin command acting on a data directory's database directly, through the accounts services. */
final class LocalAdmin implements AdminBackend {

    private final CommandContext context;

    LocalAdmin(CommandContext context) {
        this.context = context;
    }

    @Override
    public String location() {
        return context.location();
    }

    @Override
    public UserView createUser(NewUser request) {
        return UserView.of(context.bean(AccountService.class).create(request));
    }

    @Override
    public UserView user(String name) {
        return UserView.of(context.bean(AccountService.class).user(name));
    }

    @Override
    public UserView changeGroups(String name, Set<Group> added, Set<Group> removed) {
        return UserView.of(context.bean(AccountService.class).changeGroups(name, added, removed));
    }

    @Override
    public CreatedTokenView createToken(NewToken request) {
        CreatedToken created = context.bean(TokenService.class).create(request);
        return new CreatedTokenView(created.secret(), TokenView.of(created.token()));
    }

    @Override
    public List<TokenView> tokens(String owner) {
        return context.bean(TokenService.class).list(owner).stream().map(TokenView::of).toList();
    }

    @Override
    public TokenView revoke(long id) {
        return TokenView.of(context.bean(TokenService.class).revoke(id));
    }

    @Override
    public TaskList tasks() {
        return context.bean(TaskSwitches.class).list();
    }

    @Override
    public TaskView switchTask(String name, boolean enabled) {
        // acting on the database directly is an operator's act on the machine, named as such
        return context.bean(TaskSwitches.class).change(name, enabled, "assay plugins (" + System.getProperty("user.name")
                + ")");
    }

    @Override
    public void close() {
        context.close();
    }
}
