package dev.assay.server.pipeline.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class SvgChartTest {

    private static ChartData chart(List<String> labels, Double... values) {
        List<String> hovers = labels.stream().map(label -> "").toList();
        return new ChartData("c", "Coverage", "%", null, labels, hovers,
                List.of(new ChartData.Series("coverage", "series-coverage", Arrays.asList(values))));
    }

    private static Document parsed(String html) {
        return Jsoup.parse(html, "", Parser.xmlParser());
    }

    @Test
    void escapesLabelsTitlesAndSeriesNamesEverywhereTheyAreWritten() {
        String evil = "<script>alert('x')</script>&\"";
        ChartData data = new ChartData("id\"><b>", evil, "", null, List.of(evil), List.of(evil),
                List.of(new ChartData.Series(evil, "series-x\" onload=\"x", List.of(1.0))));

        String html = SvgChart.render(data);

        assertThat(html).doesNotContain("<script>", "<b>", "\" onload=\"");
        Document doc = parsed(html);
        assertThat(doc.selectFirst("figcaption").text()).isEqualTo(evil);
        assertThat(doc.selectFirst("circle.point title").text()).startsWith(evil + " · " + evil + ": 1");
        assertThat(doc.selectFirst("table th[scope=row]").text()).isEqualTo(evil);
    }

    @Test
    void scalesTheValueAxisToARoundNumberAboveTheLargestValue() {
        assertThat(SvgChart.niceCeiling(0)).isEqualTo(1);
        assertThat(SvgChart.niceCeiling(3)).isEqualTo(5);
        assertThat(SvgChart.niceCeiling(7)).isEqualTo(10);
        assertThat(SvgChart.niceCeiling(12)).isEqualTo(20);
        assertThat(SvgChart.niceCeiling(0.3)).isEqualTo(0.5);
        assertThat(SvgChart.niceCeiling(100)).isEqualTo(100);

        Document doc = parsed(SvgChart.render(chart(List.of("1.0", "2.0", "3.0"), 0.0, 12.0, 20.0)));

        List<Element> points = doc.select("circle.point");
        assertThat(points).hasSize(3);
        double bottom = SvgChart.HEIGHT - SvgChart.BOTTOM;
        assertThat(Double.parseDouble(points.get(0).attr("cy"))).isEqualTo(bottom);
        assertThat(Double.parseDouble(points.get(2).attr("cy"))).as("20 is the top of a 0–20 axis")
                .isEqualTo(SvgChart.TOP);
        assertThat(Double.parseDouble(points.get(1).attr("cy"))).isCloseTo(SvgChart.TOP + (bottom - SvgChart.TOP) * 0.4,
                org.assertj.core.data.Offset.offset(0.1));
        assertThat(doc.select("text.chart-tick").eachText()).containsExactly("0%", "10%", "20%");
        assertThat(Double.parseDouble(points.get(0).attr("cx"))).isEqualTo(SvgChart.LEFT);
        assertThat(Double.parseDouble(points.get(2).attr("cx"))).isEqualTo(SvgChart.WIDTH - SvgChart.RIGHT);
    }

    @Test
    void onePointStandsInTheMiddleAndIsDescribed() {
        Document doc = parsed(SvgChart.render(chart(List.of("1.0"), 83.5)));

        Element point = doc.selectFirst("circle.point");
        assertThat(doc.select("circle.point")).hasSize(1);
        assertThat(Double.parseDouble(point.attr("cx")))
                .isEqualTo(SvgChart.LEFT + (SvgChart.WIDTH - SvgChart.LEFT - SvgChart.RIGHT) / 2.0);
        assertThat(point.selectFirst("title").text()).isEqualTo("1.0 · coverage: 83.5%");
        assertThat(doc.selectFirst("svg").attr("role")).isEqualTo("img");
        assertThat(doc.selectFirst("svg").attr("aria-labelledby")).isEqualTo("c-title c-desc");
        assertThat(doc.selectFirst("desc").text()).isEqualTo("1 point: 1.0; coverage latest 83.5%.");
        assertThat(doc.select("table.visually-hidden td").eachText()).containsExactly("83.5%");
    }

    @Test
    void zeroValuesSitOnTheAxisAndMissingOnesLeaveAGap() {
        Document doc = parsed(SvgChart.render(chart(List.of("a", "b", "c", "d"), 0.0, 0.0, null, 0.0)));

        assertThat(doc.select("circle.point")).hasSize(3);
        assertThat(doc.select("circle.point").eachAttr("cy")).containsOnly(
                String.format(java.util.Locale.ROOT, "%.1f", (double) SvgChart.HEIGHT - SvgChart.BOTTOM));
        assertThat(doc.select("text.chart-tick").eachText()).as("an axis of nothing still spans 0 to 1")
                .containsExactly("0%", "0.5%", "1%");
        assertThat(doc.selectFirst("path").attr("d")).as("the line breaks where a value is missing")
                .matches("M[0-9. ]+ L[0-9. ]+M[0-9. ]+");
        assertThat(doc.select("table.visually-hidden td").eachText()).containsExactly("0%", "0%", "–", "0%");
    }

    @Test
    void aSeriesMustHaveAValuePerLabel() {
        assertThatThrownBy(() -> chart(List.of("1.0", "2.0"), 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 values for 2 labels");
    }
}
