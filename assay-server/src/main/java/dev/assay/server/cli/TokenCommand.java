package dev.assay.server.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import dev.assay.server.accounts.ApiToken;
import dev.assay.server.accounts.CreatedToken;
import dev.assay.server.accounts.NewToken;
import dev.assay.server.accounts.TokenScope;
import dev.assay.server.accounts.TokenService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code assay token ...}: issue, list and revoke API tokens. */
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
        LaunchOptions launch;

        @Override
        public Integer call() {
            Set<TokenScope> parsed = EnumSet.noneOf(TokenScope.class);
            scopes.forEach(scope -> parsed.add(TokenScope.ofKey(scope)));
            try (CommandContext context = CommandContext.open(launch.settings(null))) {
                CreatedToken created = context.bean(TokenService.class)
                        .create(new NewToken(owner, description, project, parsed));
                System.out.println(created.secret());
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
        LaunchOptions launch;

        @Override
        public Integer call() {
            try (CommandContext context = CommandContext.open(launch.settings(null))) {
                List<ApiToken> tokens = context.bean(TokenService.class).list(owner);
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
        LaunchOptions launch;

        @Override
        public Integer call() {
            try (CommandContext context = CommandContext.open(launch.settings(null))) {
                ApiToken token = context.bean(TokenService.class).revoke(id);
                System.out.println("revoked token " + token.id() + " (" + token.prefix() + "…) of " + token.owner());
            }
            return 0;
        }
    }

    private static void printRow(ApiToken token) {
        System.out.printf("%-6d %-13s %-20s %-14s %-16s %-16s %-8s %s%n", token.id(), token.prefix() + "…",
                token.project().orElse("(all)"),
                token.scopes().stream().map(TokenScope::key).sorted().collect(Collectors.joining(",")),
                TIME.format(token.createdAt()), time(token.lastUsedAt()), token.isActive() ? "active" : "revoked",
                token.description());
    }

    private static String time(Optional<Instant> instant) {
        return instant.map(TIME::format).orElse("never");
    }
}
