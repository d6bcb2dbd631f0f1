package dev.assay.server.review.releasegate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The administrator's default release gate ({@code assay.review.release-gate}), for projects that set none. */
@ConfigurationProperties("assay.review")
public record ReleaseGateSettings(@DefaultValue("off") String releaseGate) {

    public ReleaseGateSettings {
        if (GateMode.ofKey(releaseGate).isEmpty()) {
            throw new IllegalArgumentException("assay.review.release-gate=" + releaseGate + " is not a release gate: "
                    + "use " + GateMode.KEYS);
        }
    }

    /** The default mode. */
    public GateMode mode() {
        return GateMode.ofKey(releaseGate).orElseThrow();
    }
}
