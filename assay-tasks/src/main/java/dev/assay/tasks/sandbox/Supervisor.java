package dev.assay.tasks.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The shell that runs a sandboxed command and, once it exits, stops, names and kills every process it left
 * behind in the sandbox (a double-forked daemon, {@code setsid sleep &}), so nothing holds the run open.
 * It names them on its stderr behind {@link #MARK}; {@link #split(String)} takes those lines back out.
 */
final class Supervisor {

    /** A line naming one leftover starts with this; nothing a program prints by accident does. */
    static final String MARK = "\u001eassay-left-running\t";

    /** The supervisor's {@code $0}, so a trace or a process listing says what it is. */
    static final String NAME = "assay-supervisor";

    static final String BASH = "/usr/bin/bash";

    // Only builtins after the command exits: a program started here would itself be listed. wait is repeated
    // as long as the command lives: it can return early (a state change that is not its end). Everything but
    // the supervisor and its ancestors (the sandbox's init, a tracer, an outer supervisor) is stopped first,
    // round after round, so a leftover cannot fork faster than it is caught; then each is named and killed, and
    // the sandbox is looked through again until a pass finds nothing new.
    // A /proc file is read whole with mapfile: the kernel writes it anew at every read, and read line by line
    // (read seeks back after each line) a field that changed length meanwhile shifts the next ones, so a tracer
    // switching between "S (sleeping)" and "R (running)" lost its PPid: line and its own parent was killed.
    // The chain of ancestors starts from the supervisor's own status (bash's PPID when that cannot be read), so
    // the outermost supervisor, whose parent is the sandbox's init, reads no other process to know it.
    // Nothing is left out silently: a supervisor that cannot trace its ancestors to init, or a process whose
    // status cannot be read, is still reported on the same channel as a leftover. It sweeps only where pid 1 is
    // bwrap, the sandbox's init: run anywhere else (by mistake, by hand) it would stop and kill the machine's
    // processes, so it says so and sweeps nothing.
    private static final String START = """
            "$@" <&0 &
            """;

    /** The command's own process applies the limits (shell builtins given as %s) and becomes the command. */
    private static final String START_LIMITED = """
            (%s || exit 125; exec "$@") <&0 &
            """;

    private static final String SWEEP = """
            main=$!
            wait "$main"; rc=$?
            while kill -0 "$main" 2>/dev/null; do wait "$main"; rc=$?; done
            status() {
              ppid= name= state=
              local lines line
              { mapfile -t lines < "/proc/$1/status"; } 2>/dev/null || return
              for line in "${lines[@]}"; do
                case $line in
                  PPid:*) ppid=${line//[!0-9]/}; break;;
                  Name:*) name=${line#Name:?};;
                  State:*) state=${line#State:?}; state=${state:0:1};;
                esac
              done
            }
            left() {
              printf '\\036assay-left-running\\t%s\\n' "${1:0:500}" >&2
            }
            # Only inside a sandbox's own pid namespace, whose init is bwrap: anywhere else the sweep would stop and
            # kill processes of the machine.
            { mapfile -t init < /proc/1/status; } 2>/dev/null
            if [[ ${init[0]} != $'Name:\tbwrap' ]]; then
              left "(not listed: the supervisor runs outside a sandbox, where pid 1 is not bwrap; nothing was swept)"
              exit $rc
            fi
            # An ancestor whose status cannot be read (one that just exited) starts the walk again from here.
            for try in {1..20}; do
              status $$
              p=${ppid:-$PPID}; keep=" 1 $$ $p "
              while [ "$p" -gt 1 ]; do
                status "$p"
                [ -n "$ppid" ] || break
                keep="$keep$ppid "; p=$ppid
              done
              [ "$p" -le 1 ] && break
            done
            if [ "$p" -gt 1 ]; then
              # Without every ancestor known, one of them could be taken for a leftover: sweep nothing, say so.
              left "(not listed: the supervisor could not trace its ancestors past pid $p; what was left ran until the sandbox ended)"
              exit $rc
            fi
            declare -A seen
            for pass in {1..10}; do
              stopped=()
              for round in {1..50}; do
                new=0
                for d in /proc/[0-9]*; do
                  p=${d#/proc/}
                  [[ $keep == *" $p "* || -n ${seen[$p]} ]] && continue
                  kill -STOP "$p" 2>/dev/null || continue
                  seen[$p]=1; stopped+=("$p"); new=1
                done
                [ $new = 0 ] && break
              done
              [ ${#stopped[@]} = 0 ] && break
              for p in "${stopped[@]}"; do
                status "$p"
                # A process already dying (one an inner supervisor killed) is nobody's leftover; one still there
                # whose status could not be read is.
                [[ $state == [ZX] ]] && continue
                [[ -z $state ]] && ! kill -0 "$p" 2>/dev/null && continue
                args=()
                { mapfile -d '' -t args < "/proc/$p/cmdline"; } 2>/dev/null
                [ ${#args[@]} = 0 ] && args=("[${name:-pid $p}]")
                line="${args[*]}"
                left "${line//[[:cntrl:]]/ }"
                kill -KILL "$p" 2>/dev/null
              done
              # Until each is gone or a zombie, so that no supervisor above names it again.
              for p in "${stopped[@]}"; do
                for try in {1..10000}; do
                  status "$p"
                  [[ -z $state || $state == [ZX] ]] && break
                done
              done
            done
            exit $rc
            """;

    /** What a run printed, without the supervisor's lines, and the command lines those lines named. */
    record Split(String output, List<String> leftRunning) {
    }

    private Supervisor() {
    }

    /** {@code argv} run under the supervisor. */
    static List<String> supervised(List<String> argv) {
        return supervised(START, argv);
    }

    /** {@code argv} run under the supervisor, with the limits {@code ulimits} (bash builtins) set just before. */
    static List<String> limited(String ulimits, List<String> argv) {
        return supervised(START_LIMITED.formatted(ulimits), argv);
    }

    private static List<String> supervised(String start, List<String> argv) {
        List<String> supervised = new ArrayList<>(List.of(BASH, "-c", start + SWEEP, NAME));
        supervised.addAll(argv);
        return supervised;
    }

    /** Takes the supervisor's lines out of {@code output}. */
    static Split split(String output) {
        if (!output.contains(MARK)) {
            return new Split(output, List.of());
        }
        StringBuilder kept = new StringBuilder();
        List<String> leftRunning = new ArrayList<>();
        for (String line : output.split("(?<=\n)")) {
            int mark = line.indexOf(MARK);
            if (mark < 0) {
                kept.append(line);
                continue;
            }
            // A leftover's unterminated output may precede the mark on the same line.
            kept.append(line, 0, mark);
            leftRunning.add(line.substring(mark + MARK.length()).strip());
        }
        return new Split(kept.toString(), leftRunning);
    }
}
