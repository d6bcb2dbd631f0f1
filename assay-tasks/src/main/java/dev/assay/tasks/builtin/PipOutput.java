package dev.assay.tasks.builtin;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What pip's output says went wrong: the requirements no index or wheelhouse could satisfy. */
final class PipOutput {

    private static final Pattern NO_MATCH = Pattern.compile("ERROR: No matching distribution found for (\\S.*)");
    private static final Pattern NO_VERSION =
            Pattern.compile("ERROR: Could not find a version that satisfies the requirement (\\S+)");

    private PipOutput() {
    }

    /** Each unsatisfiable requirement, as pip wrote it (e.g. {@code missingdep>=1.0}), in order. */
    static List<String> missingRequirements(String output) {
        Set<String> missing = new LinkedHashSet<>();
        for (String line : output.lines().toList()) {
            Matcher match = NO_MATCH.matcher(line.strip());
            if (match.matches()) {
                missing.add(match.group(1).strip());
                continue;
            }
            Matcher version = NO_VERSION.matcher(line.strip());
            if (version.lookingAt()) {
                missing.add(version.group(1));
            }
        }
        return List.copyOf(missing);
    }

    /** The lines pip marked as errors, or the last line when it marked none. */
    static String errorLines(String output) {
        List<String> errors = output.lines().filter(l -> l.startsWith("ERROR:")).toList();
        if (!errors.isEmpty()) {
            return String.join("\n", errors);
        }
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
