package dev.assay.server.pipeline.health;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.util.List;
import java.util.Locale;

/**
 * Writes a line chart as inline SVG inside a figure: axes with three value ticks, a line and a point per value
 * (each point's {@code <title>} is its hover text), and for screen readers an accessible name and summary plus a
 * visually hidden table of every value. Colours come from CSS classes, so the page's stylesheet (and dark mode)
 * decides them. Every text written is escaped.
 */
public final class SvgChart {

    static final int WIDTH = 480;
    static final int HEIGHT = 200;
    static final int LEFT = 48;
    static final int RIGHT = 12;
    static final int TOP = 12;
    static final int BOTTOM = 40;
    /** At most this many labels along the horizontal axis; the others are only in the tooltips and the table. */
    private static final int MAX_LABELS = 8;

    private SvgChart() {
    }

    /** The chart as an HTML {@code <figure>}. */
    public static String render(ChartData chart) {
        double top = chart.maxY() != null ? chart.maxY() : niceCeiling(maxValue(chart));
        StringBuilder out = new StringBuilder();
        String id = htmlEscape(chart.id());
        out.append("<figure class=\"chart\" id=\"").append(id).append("\">\n")
                .append("<figcaption>").append(htmlEscape(chart.title())).append("</figcaption>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id)
                .append("-desc\">\n<title id=\"").append(id).append("-title\">").append(htmlEscape(chart.title()))
                .append("</title>\n<desc id=\"").append(id).append("-desc\">").append(htmlEscape(summary(chart)))
                .append("</desc>\n");
        axes(out, chart, top);
        for (ChartData.Series line : chart.series()) {
            series(out, chart, line, top);
        }
        out.append("</svg>\n");
        legend(out, chart);
        table(out, chart);
        return out.append("</figure>\n").toString();
    }

    /** The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least {@code max}; 1 when there is nothing. */
    static double niceCeiling(double max) {
        if (!(max > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= max) {
                return step * power;
            }
        }
        return 10 * power;
    }

    /** The horizontal position of point {@code index} of {@code count}: one point stands in the middle. */
    static double x(int index, int count) {
        double width = WIDTH - LEFT - RIGHT;
        return count <= 1 ? LEFT + width / 2 : LEFT + width * index / (count - 1);
    }

    /** The vertical position of {@code value} on an axis from 0 to {@code top}. */
    static double y(double value, double top) {
        double height = HEIGHT - TOP - BOTTOM;
        return TOP + height - height * Math.min(value, top) / top;
    }

    /** A value as the chart writes it: whole numbers without decimals, others with one. */
    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static double maxValue(ChartData chart) {
        return chart.series().stream().flatMap(line -> line.values().stream()).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static void axes(StringBuilder out, ChartData chart, double top) {
        out.append("<g class=\"chart-axes\">\n");
        for (double tick : new double[] {0, top / 2, top}) {
            String at = coordinate(y(tick, top));
            out.append("<line class=\"chart-grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
                    .append("\" y1=\"").append(at).append("\" y2=\"").append(at).append("\"/>")
                    .append("<text class=\"chart-tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(at)
                    .append("\" dy=\"0.32em\" text-anchor=\"end\">").append(htmlEscape(number(tick) + chart.unit()))
                    .append("</text>\n");
        }
        int count = chart.labels().size();
        int every = Math.max(1, (int) Math.ceil(count / (double) MAX_LABELS));
        for (int i = 0; i < count; i++) {
            if (i % every == 0) {
                out.append("<text class=\"chart-label\" x=\"").append(coordinate(x(i, count))).append("\" y=\"")
                        .append(HEIGHT - BOTTOM + 16).append("\" text-anchor=\"middle\">")
                        .append(htmlEscape(shortened(chart.labels().get(i)))).append("</text>\n");
            }
        }
        out.append("</g>\n");
    }

    private static void series(StringBuilder out, ChartData chart, ChartData.Series line, double top) {
        int count = chart.labels().size();
        StringBuilder path = new StringBuilder();
        StringBuilder points = new StringBuilder();
        boolean gap = true;
        for (int i = 0; i < count; i++) {
            Double value = line.values().get(i);
            if (value == null) {
                gap = true;
                continue;
            }
            String px = coordinate(x(i, count));
            String py = coordinate(y(value, top));
            path.append(gap ? "M" : " L").append(px).append(' ').append(py);
            gap = false;
            String hover = chart.labels().get(i) + " · " + line.name() + ": " + number(value) + chart.unit()
                    + (chart.hovers().get(i).isEmpty() ? "" : " · " + chart.hovers().get(i));
            points.append("<circle class=\"point\" cx=\"").append(px).append("\" cy=\"").append(py)
                    .append("\" r=\"3.5\"><title>").append(htmlEscape(hover)).append("</title></circle>\n");
        }
        out.append("<g class=\"chart-series ").append(htmlEscape(line.cssClass())).append("\" data-series=\"")
                .append(htmlEscape(line.name())).append("\">\n");
        if (!path.isEmpty()) {
            out.append("<path d=\"").append(path).append("\"/>\n");
        }
        out.append(points).append("</g>\n");
    }

    private static void legend(StringBuilder out, ChartData chart) {
        out.append("<ul class=\"chart-legend\" aria-hidden=\"true\">");
        for (ChartData.Series line : chart.series()) {
            out.append("<li><span class=\"chart-swatch ").append(htmlEscape(line.cssClass())).append("\"></span>")
                    .append(htmlEscape(line.name())).append("</li>");
        }
        out.append("</ul>\n");
    }

    private static void table(StringBuilder out, ChartData chart) {
        out.append("<table class=\"visually-hidden\"><caption>").append(htmlEscape(chart.title()))
                .append("</caption>\n<thead><tr><th scope=\"col\">Point</th>");
        chart.series().forEach(line -> out.append("<th scope=\"col\">").append(htmlEscape(line.name())).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < chart.labels().size(); i++) {
            out.append("<tr><th scope=\"row\">").append(htmlEscape(chart.labels().get(i))).append("</th>");
            for (ChartData.Series line : chart.series()) {
                Double value = line.values().get(i);
                out.append("<td>").append(value == null ? "–" : htmlEscape(number(value) + chart.unit())).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table>\n");
    }

    /** One sentence for screen readers: how many points, from which to which, and each series' latest value. */
    static String summary(ChartData chart) {
        List<String> labels = chart.labels();
        StringBuilder text = new StringBuilder(labels.size() + (labels.size() == 1 ? " point" : " points"));
        if (!labels.isEmpty()) {
            text.append(labels.size() == 1 ? ": " + labels.get(0) : " from " + labels.get(0) + " to "
                    + labels.get(labels.size() - 1));
        }
        for (ChartData.Series line : chart.series()) {
            line.values().stream().filter(v -> v != null).reduce((first, second) -> second).ifPresent(latest ->
                    text.append("; ").append(line.name()).append(" latest ").append(number(latest)).append(chart.unit()));
        }
        return text.append('.').toString();
    }

    private static String shortened(String label) {
        return label.length() <= 12 ? label : label.substring(0, 11) + "…";
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
