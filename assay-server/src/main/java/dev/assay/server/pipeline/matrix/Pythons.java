package dev.assay.server.pipeline.matrix;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.assay.server.pipeline.WorkerOffer;

/** The interpreters a worker probed, one per series: what it offers, and what its jobs run on. */
public record Pythons(List<WorkerOffer.Interpreter> interpreters) {

    public Pythons {
        interpreters = List.copyOf(interpreters);
    }

    /** The executable of the worker's interpreter of {@code series} ({@code 3.12}), if it has one. */
    public Optional<Path> executableOf(String series) {
        return interpreters.stream().filter(python -> PythonProbe.series(python.version()).equals(series))
                .map(python -> Path.of(python.executable())).findFirst();
    }
}
