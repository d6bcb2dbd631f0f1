package dev.assay.server.pipeline.pages;

import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;

/** A flat SVG badge, "label | status", coloured by the status; the status is one of a fixed set. */
final class StatusBadge {

    private static final Map<String, String> COLOURS = Map.of("passed", "#4c1", "failed", "#e05d44",
            "error", "#fe7d37", "running", "#dfb317", "queued", "#9f9f9f", "none", "#9f9f9f");

    private StatusBadge() {
    }

    /** The badge as an uncached SVG response, so that a README shows the current status. */
    static ResponseEntity<String> response(String label, String status) {
        return ResponseEntity.ok().header("Content-Type", "image/svg+xml;charset=utf-8")
                .cacheControl(CacheControl.noCache()).body(svg(label, status));
    }

    static String svg(String label, String status) {
        String colour = COLOURS.getOrDefault(status, "#9f9f9f");
        String shown = COLOURS.containsKey(status) ? status : "unknown";
        int left = 6 * label.length() + 10;
        int right = 6 * shown.length() + 10;
        int width = left + right;
        return """
                <svg xmlns="http://www.w3.org/2000/svg" width="%d" height="20" role="img" aria-label="%s: %s">
                <title>%s: %s</title>
                <rect width="%d" height="20" fill="#555"/><rect x="%d" width="%d" height="20" fill="%s"/>
                <g fill="#fff" text-anchor="middle" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">
                <text x="%d" y="14">%s</text><text x="%d" y="14">%s</text>
                </g>
                </svg>
                """.formatted(width, label, shown, label, shown, left, left, right, colour, left / 2, label,
                left + right / 2, shown);
    }
}
