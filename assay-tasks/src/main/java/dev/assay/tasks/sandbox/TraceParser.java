package dev.assay.tasks.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the output of {@code strace -f -y} into {@link TraceEvent}s: connects, execs, writes
 * outside the allowed prefixes, opens of sensitive paths, spawned processes and signals.
 */
public final class TraceParser {

    /** Where a syscall names a path: the index of its directory fd argument (or -1) and of the path. */
    private record PathArg(int dir, int path) {
    }

    private static final Map<String, List<PathArg>> WRITES = Map.ofEntries(
            Map.entry("creat", List.of(new PathArg(-1, 0))),
            Map.entry("unlink", List.of(new PathArg(-1, 0))), Map.entry("unlinkat", List.of(new PathArg(0, 1))),
            Map.entry("rmdir", List.of(new PathArg(-1, 0))), Map.entry("mkdir", List.of(new PathArg(-1, 0))),
            Map.entry("mkdirat", List.of(new PathArg(0, 1))),
            Map.entry("rename", List.of(new PathArg(-1, 0), new PathArg(-1, 1))),
            Map.entry("renameat", List.of(new PathArg(0, 1), new PathArg(2, 3))),
            Map.entry("renameat2", List.of(new PathArg(0, 1), new PathArg(2, 3))),
            Map.entry("link", List.of(new PathArg(-1, 1))), Map.entry("linkat", List.of(new PathArg(2, 3))),
            Map.entry("symlink", List.of(new PathArg(-1, 1))), Map.entry("symlinkat", List.of(new PathArg(1, 2))),
            Map.entry("truncate", List.of(new PathArg(-1, 0))), Map.entry("chmod", List.of(new PathArg(-1, 0))),
            Map.entry("fchmodat", List.of(new PathArg(0, 1))), Map.entry("chown", List.of(new PathArg(-1, 0))),
            Map.entry("lchown", List.of(new PathArg(-1, 0))), Map.entry("fchownat", List.of(new PathArg(0, 1))),
            Map.entry("mknod", List.of(new PathArg(-1, 0))), Map.entry("mknodat", List.of(new PathArg(0, 1))));
    private static final Map<String, PathArg> OPENS = Map.of(
            "open", new PathArg(-1, 0), "openat", new PathArg(0, 1), "openat2", new PathArg(0, 1));
    private static final Pattern LINE = Pattern.compile("^(?:\\[pid\\s+)?(\\d+)\\]?\\s+(.*)$");
    private static final Pattern SIGNAL = Pattern.compile("^--- (SIG\\w+) .*");
    private static final Pattern RESULT = Pattern.compile("\\)\\s+= (\\S+)");
    private static final Pattern ERRNO = Pattern.compile("= -1 (E[A-Z]+)");
    private static final Pattern FD_PATH = Pattern.compile("^(?:\\d+|AT_FDCWD)<(.*)>$");
    private static final Pattern FAMILY = Pattern.compile("sa_family=(AF_\\w+)");
    private static final Pattern PORT = Pattern.compile("sin6?_port=htons\\((\\d+)\\)");
    private static final Pattern INET = Pattern.compile("inet_addr\\(\"([^\"]+)\"\\)|inet_pton\\(AF_INET6, \"([^\"]+)\"");
    private static final Pattern UNIX = Pattern.compile("sun_path=(@?)\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final TracePolicy policy;

    public TraceParser(TracePolicy policy) {
        this.policy = policy;
    }

    public List<TraceEvent> parse(List<String> lines) {
        List<TraceEvent> events = new ArrayList<>();
        Map<Integer, String> unfinished = new HashMap<>();
        for (String raw : lines) {
            Matcher line = LINE.matcher(raw.strip());
            int pid = line.matches() ? Integer.parseInt(line.group(1)) : 0;
            String text = line.matches() ? line.group(2) : raw.strip();
            if (text.endsWith("<unfinished ...>")) {
                unfinished.put(pid, text.substring(0, text.length() - "<unfinished ...>".length()).stripTrailing());
                continue;
            }
            if (text.startsWith("<... ")) {
                // "<... clone3 resumed>) = 6" completes the call this pid left unfinished.
                int close = text.indexOf("resumed>");
                String head = unfinished.remove(pid);
                if (head == null || close < 0) {
                    continue;
                }
                text = head + text.substring(close + "resumed>".length());
            }
            Matcher signal = SIGNAL.matcher(text);
            if (signal.matches()) {
                events.add(new TraceEvent.Signal(pid, signal.group(1)));
                continue;
            }
            call(pid, text, events);
        }
        return events;
    }

    private void call(int pid, String text, List<TraceEvent> events) {
        int open = text.indexOf('(');
        Matcher result = RESULT.matcher(text);
        int split = -1;
        String ret = "";
        while (result.find()) {
            // The last ") = " ends the arguments; earlier ones may sit inside strings.
            split = result.start();
            ret = result.group(1);
        }
        if (open < 0 || split < open) {
            return;
        }
        String name = text.substring(0, open);
        String args = text.substring(open + 1, split);
        boolean ok = !ret.startsWith("-") && !ret.equals("?");
        List<String> argv = StraceArgs.split(args);
        switch (name) {
            case "connect", "sendto", "sendmsg", "sendmmsg" -> connect(pid, args, ok, events);
            case "execve", "execveat" -> exec(pid, name, argv, ok, events);
            case "clone", "clone3", "fork", "vfork" -> {
                if (ok && ret.matches("\\d+")) {
                    events.add(new TraceEvent.Spawn(pid, Integer.parseInt(ret), args.contains("CLONE_THREAD")));
                } else if (ret.startsWith("-")) {
                    Matcher error = ERRNO.matcher(text.substring(split));
                    events.add(new TraceEvent.SpawnRefused(pid, error.find() ? error.group(1) : ret));
                }
            }
            default -> files(pid, name, argv, ok, events);
        }
    }

    private static void connect(int pid, String args, boolean ok, List<TraceEvent> events) {
        Matcher family = FAMILY.matcher(args);
        if (!family.find()) {
            return;
        }
        Matcher inet = INET.matcher(args);
        Matcher unix = UNIX.matcher(args);
        Matcher port = PORT.matcher(args);
        String address = inet.find() ? (inet.group(1) != null ? inet.group(1) : inet.group(2))
                : unix.find() ? unix.group(1) + StraceArgs.unescape(unix.group(2)) : "";
        events.add(new TraceEvent.Connect(pid, family.group(1), address,
                port.find() ? Integer.parseInt(port.group(1)) : -1, ok));
    }

    private static void exec(int pid, String name, List<String> args, boolean ok, List<TraceEvent> events) {
        int offset = name.equals("execveat") ? 1 : 0;
        if (args.size() < offset + 2) {
            return;
        }
        String program = StraceArgs.string(args.get(offset));
        events.add(new TraceEvent.Exec(pid, program == null ? "" : program,
                StraceArgs.strings(args.get(offset + 1)), ok));
    }

    private void files(int pid, String name, List<String> args, boolean ok, List<TraceEvent> events) {
        PathArg open = OPENS.get(name);
        if (open != null) {
            String path = path(args, open);
            if (path == null) {
                return;
            }
            String flags = args.size() > open.path() + 1 ? args.get(open.path() + 1) : "";
            if (policy.sensitive(path)) {
                events.add(new TraceEvent.SensitiveRead(pid, path, ok));
            }
            if (flags.matches(".*O_(WRONLY|RDWR|CREAT|TRUNC|APPEND).*") && !policy.writeAllowed(path)) {
                events.add(new TraceEvent.FileWrite(pid, name, path, ok));
            }
            return;
        }
        for (PathArg written : WRITES.getOrDefault(name, List.of())) {
            String path = path(args, written);
            if (path != null && !policy.writeAllowed(path)) {
                events.add(new TraceEvent.FileWrite(pid, name, path, ok));
            }
        }
    }

    /** The absolute path an argument names, resolved against its directory fd when strace -y showed it. */
    private String path(List<String> args, PathArg arg) {
        if (args.size() <= arg.path()) {
            return null;
        }
        String path = StraceArgs.string(args.get(arg.path()));
        if (path == null) {
            return null;
        }
        if (!path.startsWith("/") && arg.dir() >= 0 && args.size() > arg.dir()) {
            Matcher dir = FD_PATH.matcher(args.get(arg.dir()));
            if (dir.matches()) {
                path = dir.group(1) + "/" + path;
            }
        }
        return policy.resolve(path);
    }
}
