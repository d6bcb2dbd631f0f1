package dev.assay.server.cli;

import java.io.Console;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.assay.server.accounts.Group;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.accounts.admin.AccountViews.UserView;
import dev.assay.server.error.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code assay user ...}: manage accounts from the command line, in a data directory's database (also while the
 * server runs) or through a running server's admin API ({@code --server}); every answer says where it acted.
 */
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
        AdminTarget target;

        @Override
        public Integer call() {
            try (AdminBackend admin = target.open(true)) {
                String password = passwordFromStdin ? target.stdinLine("the new user's password") : promptForPassword();
                UserView user = admin.createUser(new NewUser(name, email, fullName, password, groups()));
                System.out.println("created user " + user.name() + " <" + user.email() + ">"
                        + (user.groups().isEmpty() ? "" : " " + user.groups()) + " in " + admin.location()
                        + (target.createdDatabase() ? ", a new database no server has used yet" : ""));
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
        AdminTarget target;

        @Override
        public Integer call() {
            try (AdminBackend admin = target.open(false)) {
                boolean change = !added.isEmpty() || !removed.isEmpty();
                UserView user = change ? admin.changeGroups(name, parse(added), parse(removed)) : admin.user(name);
                System.out.println(user.name() + ": " + (user.groups().isEmpty() ? "no groups"
                        : String.join(", ", user.groups())) + (change ? " (changed in " : " (in ") + admin.location()
                        + ")");
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
