package dev.assay.server.pipeline.behaviour;

/** One thing a release did in a traced step: {@code kind} a {@link BehaviourKind} key, {@code step} the task. */
public record BehaviourItem(String kind, String value, String step) {

    /** The sentence a diff shows, as in "runs curl during install". */
    public String sentence() {
        String verb = BehaviourKind.ofKey(kind).map(BehaviourKind::verb).orElse(kind);
        return verb + " " + value + " during " + step;
    }
}
