package flagparity.bench.report;

import flagparity.reference.api.Engines;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The report's charts (JFreeChart, PNG): bars with JMH's error as whiskers, lines over sizes, and
 * HdrHistogram-style latency curves. Log scales wherever the values span orders of magnitude.
 */
final class Charts {
    static final int WIDTH = 1000;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Color GRID = new Color(0xD0D0D0);
    private static final Color[] PALETTE = {
        new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728), new Color(0x9467BD),
        new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F), new Color(0xBCBD22), new Color(0x17BECF),
    };

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {}

    /** One bar, or one point of a line: its series, its category (x), the value and its error (NaN for none). */
    record Bar(String series, String category, double value, double error) {}

    /** One latency curve: value at each percentile (from a {@code .hgrm}), in µs. */
    record Curve(String name, List<LatencyRun.Point> points, boolean dashed) {}

    /**
     * Horizontal bars on a log axis, one per category, coloured by the category's first word (the
     * engine), whiskers at ± the error; the value and its error are written after the category's name,
     * where no whisker can cover them.
     */
    static void bars(Path png, String title, String valueLabel, List<Bar> bars, String unit) throws IOException {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (Bar b : bars) {
            data.add(b.value(), Double.isFinite(b.error()) ? b.error() : 0, b.series(),
                    b.category() + "   " + Units.number(b.value(), b.error()) + (unit.isEmpty() ? "" : " " + unit));
        }
        StatisticalBarRenderer r = new StatisticalBarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return engineColor((String) data.getColumnKey(column));
            }
        };
        double min = bars.stream().mapToDouble(b -> b.value() - (Double.isFinite(b.error()) ? b.error() : 0))
                .filter(v -> v > 0).min().orElse(1);
        double max = bars.stream().mapToDouble(b -> b.value() + (Double.isFinite(b.error()) ? b.error() : 0))
                .max().orElse(10);
        LogAxis axis = decades(new LogAxis(valueLabel + " (log scale)"), min, max * 10); // room for the labels
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setBase(axis.getLowerBound()); // from 0 a bar would start at minus infinity
        r.setIncludeBaseInRange(false);
        r.setErrorIndicatorPaint(Color.BLACK);
        CategoryAxis categories = new CategoryAxis();
        categories.setTickLabelFont(LABEL);
        categories.setMaximumCategoryLabelWidthRatio(0.5f);
        CategoryPlot plot = new CategoryPlot(data, categories, axis, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        save(png, chart(title, plot, bars.stream().map(Bar::series).distinct().count() > 1), WIDTH,
                120 + 34 * data.getColumnCount() * data.getRowCount());
    }

    /**
     * Latency against percentile as HdrHistogram plots it: x is {@code 1/(1-p)} on a log axis labelled
     * 90%, 99%, 99.9%...; y is latency in µs on a log axis.
     */
    static void latency(Path png, String title, List<Curve> curves) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        double minY = Double.MAX_VALUE;
        double maxY = 0;
        double maxX = 10;
        for (Curve c : curves) {
            XYSeries s = new XYSeries(c.name(), false, true);
            for (LatencyRun.Point p : c.points()) {
                double x = p.inverseTail();
                if (Double.isFinite(x) && p.value() > 0) {
                    s.add(x, p.value());
                    minY = Math.min(minY, p.value());
                    maxY = Math.max(maxY, p.value());
                    maxX = Math.max(maxX, x);
                }
            }
            data.addSeries(s);
        }
        LogAxis x = decades(new LogAxis("percentile"), 1, maxX);
        x.setRange(1, x.getUpperBound()); // 1/(1-p) starts at 1: the 0th percentile
        x.setNumberFormatOverride(new PercentileFormat());
        LogAxis y = decades(new LogAxis("latency (µs, log scale)"), minY == Double.MAX_VALUE ? 0.1 : minY,
                Math.max(maxY, 1));
        y.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        // engine colours as in the other charts, unless one engine has several runs
        List<String> engines = curves.stream().filter(c -> !c.dashed()).map(c -> c.name().split("[ ,]")[0])
                .collect(java.util.stream.Collectors.toList());
        boolean byEngine = engines.size() == new java.util.HashSet<>(engines).size();
        int colour = -1;
        for (int i = 0; i < curves.size(); i++) {
            if (!curves.get(i).dashed()) {
                colour++;
            }
            r.setSeriesPaint(i, byEngine ? engineColor(curves.get(i).name())
                    : PALETTE[Math.max(colour, 0) % PALETTE.length]);
            r.setSeriesStroke(i, curves.get(i).dashed()
                    ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        save(png, chart(title, plot, true), WIDTH, 600);
    }

    /** A log axis from the power of ten at or below {@code min} to the one at or above {@code max}, a tick at each. */
    private static LogAxis decades(LogAxis a, double min, double max) {
        double lower = Math.pow(10, Math.floor(Math.log10(min)));
        if (lower >= min) {
            lower /= 10; // a bar at exactly the lower bound would have no length
        }
        double upper = Math.pow(10, Math.ceil(Math.log10(max)));
        a.setSmallestValue(lower);
        a.setRange(lower, upper > lower ? upper : lower * 10);
        a.setTickUnit(new NumberTickUnit(1), false, false); // one tick per decade (the unit is an exponent)
        a.setAutoTickUnitSelection(false);
        a.setMinorTickMarksVisible(true);
        a.setLabelFont(LABEL);
        a.setTickLabelFont(SMALL);
        return a;
    }

    private static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot, boolean legend) {
        JFreeChart c = new JFreeChart(title, TITLE, plot, legend);
        c.setBackgroundPaint(Color.WHITE);
        c.setPadding(new RectangleInsets(4, 4, 4, 24)); // room for the last tick label on the right
        if (c.getLegend() != null) {
            c.getLegend().setItemFont(SMALL);
        }
        return c;
    }

    private static void save(Path png, JFreeChart chart, int width, int height) throws IOException {
        ChartUtils.saveChartAsPNG(png.toFile(), chart, width, Math.max(300, Math.min(height, 1400)));
    }

    /** The engine's colour from the registry (the first word of a category names the engine), else grey. */
    static Color engineColor(String category) {
        String engine = category.split("[ /,]")[0];
        return Engines.ids().contains(engine) ? Color.decode(Engines.get(engine).colour()) : Color.GRAY;
    }

    /** Labels {@code 1/(1-p)} as the percentile p: 1 → 0%, 10 → 90%, 1000 → 99.9%. */
    private static final class PercentileFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
            double p = 100 * (1 - 1 / v);
            String s = String.format(Locale.ROOT, "%.6f", p).replaceAll("0+$", "").replaceAll("\\.$", "");
            return to.append(s).append('%');
        }

        @Override
        public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
            return format((double) v, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException();
        }
    }
}
