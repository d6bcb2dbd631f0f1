package dev.assay.server.pipeline;

import java.util.Locale;

import dev.assay.tasks.report.Finding;

/** A finding as stored and sent: severity in lower case, location as {@code path[:line]} or null. */
public record FindingView(String severity, String code, String message, String location) {

    public static FindingView of(Finding finding) {
        return new FindingView(finding.severity().name().toLowerCase(Locale.ROOT), finding.code(),
                finding.message(), finding.where().map(Object::toString).orElse(null));
    }

    /** Whether the message runs over several lines (a test failure's explanation), so pages keep its lines. */
    public boolean multiline() {
        return message != null && message.indexOf('\n') >= 0;
    }
}
