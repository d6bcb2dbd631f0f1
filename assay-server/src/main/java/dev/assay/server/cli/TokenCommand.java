package dev.assay.server.cli;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.assay.server.accounts.admin.AccountViews.CreatedTokenView;
import dev.assay.server.accounts.admin.AccountViews.TokenView;
import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code assay token ...}: issue, list and revoke API tokens, in a data directory's database or through a running
 * server's admin API ({@code --server}); every answer says where it acted.
 */
@Command(name = "token", description = "Manage API tokens.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** {@code assay token create}: prints the secret alone, so scripts can capture it. */
    @Command(name = "create", description = "Create a token and print its secret (shown only this once).")
    static final class Create implements Callable<Integer> {

        @Parameters(paramLabel = "USER", description = "The user the token acts as.")
        String owner;

        @Option(names = "--project", paramLabel = "PROJECT", description = "Restrict the token to one project.")
        String project;

        @Option(names = "--scope", paramLabel = "SCOPE", split = ",",
                description = "Action(s) the token allows: upload, push, worker, review (default upload).")
        List<String> scopes = List.of();

        @Option(names = "--description", paramLabel = "TEXT", description = "What the token is for.")
        String description;

        @Mixin
        AdminTarget target;

        @Override
        public Integer call() {
            Set<TokenScope> parsed = EnumSet.noneOf(TokenScope.class);
            scopes.forEach(scope -> parsed.add(TokenScope.ofKey(scope)));
            try (AdminBackend admin = target.open(false)) {
                CreatedTokenView created = admin.createToken(new NewToken(owner, description, project, parsed));
                System.out.println(created.secret());
                // standard output holds the secret alone, for scripts; where it was made goes to the person
                System.err.println("created token " + created.token().id() + " of " + created.token().owner() + " in "
                        + admin.location());
            }
            return 0;
        }
    }

    /** {@code assay token list}. */
    @Command(name = "list", description = "List a user's tokens (never their secrets).")
    static final class ListTokens implements Callable<Integer> {

        @Parameters(paramLabel = "USER", description = "Whose tokens to list.")
        String owner;

        @Mixin
        AdminTarget target;

        @Override
        public Integer call() {
            try (AdminBackend admin = target.open(false)) {
                List<TokenView> tokens = admin.tokens(owner);
                System.err.println("tokens of " + owner + " in " + admin.location());
                System.out.printf("%-6s %-13s %-20s %-14s %-16s %-16s %-8s %s%n", "ID", "PREFIX", "PROJECT", "SCOPES",
                        "CREATED", "LAST USED", "STATUS", "DESCRIPTION");
                tokens.forEach(TokenCommand::printRow);
            }
            return 0;
        }
    }

    /** {@code assay token revoke}. */
    @Command(name = "revoke", description = "Revoke a token; it stops working at once.")
    static final class Revoke implements Callable<Integer> {

        @Parameters(paramLabel = "ID", description = "The token's id, as `token list` shows it.")
        long id;

        @Mixin
        AdminTarget target;

        @Override
        public Integer call() {
            try (AdminBackend admin = target.open(false)) {
                TokenView token = admin.revoke(id);
                System.out.println("revoked token " + token.id() + " (" + token.prefix() + "…) of " + token.owner()
                        + " in " + admin.location());
            }
            return 0;
        }
    }

    private static void printRow(TokenView token) {
        System.out.printf("%-6d %-13s %-20s %-14s %-16s %-16s %-8s %s%n", token.id(), token.prefix() + "…",
                token.project() == null ? "(all)" : token.project(), String.join(",", token.scopes()),
                TIME.format(token.createdAt()), token.lastUsedAt() == null ? "never" : TIME.format(token.lastUsedAt()),
                token.active() ? "active" : "revoked", token.description());
    }
}
