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
    // round after round, so a leftover cannot fork faster than it is caught; then each is named and killed.
    // A /proc file is read whole with mapfile: the kernel writes it anew at every read, and read line by line
    // (read seeks back after each line) a field that changed length meanwhile shifts the next ones, so a tracer
    // switching between "S (sleeping)" and "R (running)" lost its PPid: line and its own parent was killed.
    private static final String SCRIPT = """
            "$@" <&0 &
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
            keep=" $$ "; p=$$
            while [ "$p" -gt 1 ]; do
              status "$p"
              [ -n "$ppid" ] || break
              keep="$keep$ppid "; p=$ppid
            done
            # Without every ancestor known, one of them could be taken for a leftover: better leave the
            # leftovers to the sandbox's end than kill a tracer or an outer supervisor.
            [ "$p" = 1 ] || exit $rc
            declare -A seen
            for round in {1..50}; do
              new=0
              for d in /proc/[0-9]*; do
                p=${d#/proc/}
                [[ $keep == *" $p "* || -n ${seen[$p]} ]] && continue
                kill -STOP "$p" 2>/dev/null || continue
                seen[$p]=1; new=1
              done
              [ $new = 0 ] && break
            done
            for p in "${!seen[@]}"; do
              status "$p"
              # A process already dying (one an inner supervisor killed) is nobody's leftover.
              [[ -z $state || $state == [ZX] ]] && continue
              args=()
              { mapfile -d '' -t args < "/proc/$p/cmdline"; } 2>/dev/null
              [ ${#args[@]} = 0 ] && args=("[$name]")
              line="${args[*]}"; line=${line//[[:cntrl:]]/ }
              printf '\\036assay-left-running\\t%s\\n' "${line:0:500}" >&2
              kill -KILL "$p" 2>/dev/null
            done
            # Until each is gone or a zombie, so that no supervisor above names it again.
            for p in "${!seen[@]}"; do
              for try in {1..10000}; do
                status "$p"
                [[ -z $state || $state == [ZX] ]] && break
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
        List<String> supervised = new ArrayList<>(List.of(BASH, "-c", SCRIPT, NAME));
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
