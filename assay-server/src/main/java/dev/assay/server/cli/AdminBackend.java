package dev.assay.server.cli;

import java.util.List;
import java.util.Set;

import dev.assay.server.accounts.Group;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.accounts.admin.AccountViews.CreatedTokenView;
import dev.assay.server.accounts.admin.AccountViews.TokenView;
import dev.assay.server.accounts.admin.AccountViews.UserView;
import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.pipeline.plugins.TaskList;
import dev.assay.server.pipeline.plugins.TaskView;

/** Where an admin command acts: a data directory's database directly, or a running server's admin API. */
interface AdminBackend extends AutoCloseable {

    /** Where the command acted, for its answer: "/srv/data (H2 file …)" or "the server at URL". */
    String location();

    UserView createUser(NewUser request);

    UserView user(String name);

    UserView changeGroups(String name, Set<Group> added, Set<Group> removed);

    CreatedTokenView createToken(NewToken request);

    List<TokenView> tokens(String owner);

    TokenView revoke(long id);

    /** Every installed pipeline task, with whether it runs. */
    TaskList tasks();

    /** Switches an installed pipeline task on or off. */
    TaskView switchTask(String name, boolean enabled);

    @Override
    void close();
}
