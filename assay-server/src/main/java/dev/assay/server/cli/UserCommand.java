package dev.assay.server.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.Group;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.accounts.User;
import dev.assay.server.error.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code assay user ...}: manage accounts from the command line, also while the server runs. */
@Command(name = "user", description = "Manage user accounts.", subcommands = {UserCommand.Add.class, UserCommand.Groups.class})
final class UserCommand {

    /** {@code assay user add}. */
    @Command(name = "add", description = "Create a user account.")
    static final class Add implements Callable<Integer> {

        @Parameters(paramLabel = "NAME", description = "The user name.")
        String name;

        @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "The user's email address.")
        String email;

        @Option(names = "--full-name", paramLabel = "NAME", description = "The user's full name.")
        String fullName;

        @Option(names = "--admin", description = "Make the user an administrator.")
        boolean admin;

        @Option(names = "--sponsor", description = "Make the user a sponsor (may approve first packages).")
        boolean sponsor;

        @Option(names = "--reviewer", description = "Make the user a package reviewer (may take reviews and approve "
                + "the new projects of sponsored contributors).")
        boolean reviewer;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordFromStdin;

        @Mixin
        LaunchOptions launch;

        @Override
        public Integer call() throws IOException {
            String password = passwordFromStdin ? firstLineOfStdin() : promptForPassword();
            try (CommandContext context = CommandContext.open(launch.settings(null))) {
                User user = context.bean(AccountService.class).create(new NewUser(name, email, fullName, password,
                        groups()));
                System.out.println("created user " + user.name() + " <" + user.email() + ">"
                        + (user.groups().isEmpty() ? "" : " in " + user.groups().stream().map(Group::key).sorted().toList()));
            }
            return 0;
        }

        private Set<Group> groups() {
            Set<Group> groups = EnumSet.noneOf(Group.class);
            if (admin) {
                groups.add(Group.ADMINS);
            }
            if (sponsor) {
                groups.add(Group.SPONSORS);
            }
            if (reviewer) {
                groups.add(Group.REVIEWERS);
            }
            return groups;
        }

        private static String firstLineOfStdin() throws IOException {
            BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = reader.readLine();
            if (line == null) {
                throw new InvalidInputException("--password-stdin was given but standard input was empty");
            }
            return line;
        }

        private static String promptForPassword() {
            Console console = System.console();
            if (console == null) {
                throw new InvalidInputException("no terminal to ask for a password: pass it with --password-stdin");
            }
            char[] first = console.readPassword("Password: ");
            char[] second = console.readPassword("Password again: ");
            if (first == null || !Arrays.equals(first, second)) {
                throw new InvalidInputException("the two passwords differ");
            }
            return new String(first);
        }
    }

    /** {@code assay user groups}: put an existing user in groups or take them out. */
    @Command(name = "groups", description = "Show a user's groups, or change them with --add and --remove "
            + "(admins, sponsors, reviewers).")
    static final class Groups implements Callable<Integer> {

        @Parameters(paramLabel = "NAME", description = "The user name.")
        String name;

        @Option(names = "--add", paramLabel = "GROUP", description = "A group to put the user in (repeatable).")
        List<String> added = List.of();

        @Option(names = "--remove", paramLabel = "GROUP", description = "A group to take the user out of (repeatable).")
        List<String> removed = List.of();

        @Mixin
        LaunchOptions launch;

        @Override
        public Integer call() {
            try (CommandContext context = CommandContext.open(launch.settings(null))) {
                AccountService accounts = context.bean(AccountService.class);
                User user = added.isEmpty() && removed.isEmpty() ? accounts.user(name)
                        : accounts.changeGroups(name, parse(added), parse(removed));
                System.out.println(user.name() + ": " + (user.groups().isEmpty() ? "no groups"
                        : String.join(", ", user.groups().stream().map(Group::key).sorted().toList())));
            }
            return 0;
        }

        private static Set<Group> parse(List<String> names) {
            Set<Group> groups = EnumSet.noneOf(Group.class);
            names.forEach(group -> groups.add(Group.parse(group)));
            return groups;
        }
    }
}
