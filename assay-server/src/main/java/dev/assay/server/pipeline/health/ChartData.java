package dev.assay.server.pipeline.health;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What one chart shows: a point per label (a release, a commit) for each series, a missing value being null.
 *
 * @param id     unique on its page, for the elements the chart's accessible name points at
 * @param unit   written after each value ("%", " s"), or empty
 * @param maxY   the top of the value axis when fixed (100 for percentages); null to fit the values
 * @param labels the points' names along the horizontal axis, oldest first
 * @param hovers what each point's tooltip says besides its value (a date, a commit), one per label
 */
public record ChartData(String id, String title, String unit, Double maxY, List<String> labels, List<String> hovers,
        List<Series> series) {

    /** One line of the chart: its name, the CSS class that colours it, and a value per label. */
    public record Series(String name, String cssClass, List<Double> values) {

        public Series {
            // a copy that may hold nulls (missing values), which List.copyOf refuses
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    public ChartData {
        Objects.requireNonNull(id, "id");
        labels = List.copyOf(labels);
        hovers = List.copyOf(hovers);
        series = List.copyOf(series);
        for (Series line : series) {
            if (line.values().size() != labels.size()) {
                throw new IllegalArgumentException("series '" + line.name() + "' has " + line.values().size()
                        + " values for " + labels.size() + " labels");
            }
        }
        if (hovers.size() != labels.size()) {
            throw new IllegalArgumentException(hovers.size() + " hovers for " + labels.size() + " labels");
        }
    }

    /** Whether any series has a value: a chart without one is not drawn. */
    public boolean hasValues() {
        return series.stream().anyMatch(line -> line.values().stream().anyMatch(Objects::nonNull));
    }
}
