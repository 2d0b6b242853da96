package org.ungis.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * A PNG of the run over time (java.awt in headless mode, no native library): accepted submissions
 * and published entries per second above, latency per second below (log scale, ms).
 */
final class Plot {

  private static final int WIDTH = 1100;
  private static final int PANEL = 300;
  private static final int LEFT = 80;
  private static final int RIGHT = 230;
  private static final int TOP = 50;
  private static final int GAP = 70;

  private record Line(
      String label, Color color, List<Series.Point> points, ToDoubleFunction<Series.Point> value) {}

  private Plot() {}

  static void draw(Result result, Path file) throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image =
        new BufferedImage(WIDTH, TOP + 2 * PANEL + GAP + 60, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(
        "UNGIS workflow benchmark "
            + result.startedAt().substring(0, Math.min(19, result.startedAt().length()))
            + "  rate "
            + result.settings().rate()
            + "/s, load average at start "
            + String.format(java.util.Locale.ROOT, "%.1f", result.loadAverageAtStart()[0]),
        LEFT,
        28);
    Map<String, List<Series.Point>> s = result.series();
    List<Series.Point> intake = s.getOrDefault("intake", List.of());
    List<Series.Point> e2e = s.getOrDefault("endToEnd", List.of());
    List<Series.Point> bare = s.getOrDefault("bareHttp", List.of());
    int seconds = Math.max(1, Math.max(intake.size(), Math.max(e2e.size(), bare.size())));
    List<Line> throughput =
        List.of(
            new Line("workflow: accepted/s", new Color(31, 119, 180), intake, p -> p.count()),
            new Line("end-to-end: published/s", new Color(44, 160, 44), e2e, p -> p.count()),
            new Line("bare HTTP: accepted/s", Color.GRAY, bare, p -> p.count()));
    panel(g, TOP, seconds, throughput, false, "per second");
    List<Line> latency =
        List.of(
            new Line("intake p50", new Color(255, 127, 14), intake, Series.Point::p50),
            new Line("intake p99", new Color(214, 39, 40), intake, Series.Point::p99),
            new Line("end-to-end p99", new Color(148, 103, 189), e2e, Series.Point::p99),
            new Line("bare HTTP p99", Color.GRAY, bare, Series.Point::p99));
    panel(g, TOP + PANEL + GAP, seconds, latency, true, "latency (ms, log)");
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    g.drawString(
        "seconds since the start of each measured phase (the bare HTTP baseline ran after the"
            + " workflow, on the same broker)",
        LEFT,
        TOP + 2 * PANEL + GAP + 40);
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }

  private static void panel(
      Graphics2D g, int top, int seconds, List<Line> lines, boolean log, String yLabel) {
    int width = WIDTH - LEFT - RIGHT;
    double max = 1;
    double min = log ? Double.MAX_VALUE : 0;
    for (Line line : lines) {
      for (Series.Point p : line.points()) {
        double v = line.value().applyAsDouble(p);
        max = Math.max(max, v);
        if (log && v > 0) {
          min = Math.min(min, v);
        }
      }
    }
    double lo = log ? Math.pow(10, Math.floor(Math.log10(Math.min(min, max)))) : 0;
    double hi = log ? Math.pow(10, Math.ceil(Math.log10(max))) : niceCeiling(max);
    if (log && hi <= lo) {
      hi = lo * 10;
    }
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    // grid and y ticks
    g.setStroke(new BasicStroke(1));
    if (log) {
      for (double t = lo; t <= hi * 1.0001; t *= 10) {
        int y = y(top, t, lo, hi, true);
        grid(g, y, width, Report.num(t));
      }
    } else {
      for (int i = 0; i <= 5; i++) {
        double t = hi * i / 5;
        grid(g, y(top, t, lo, hi, false), width, Report.num(t));
      }
    }
    // x ticks
    int step = seconds <= 30 ? 5 : seconds <= 120 ? 10 : 30;
    g.setColor(Color.DARK_GRAY);
    for (int s = 0; s <= seconds; s += step) {
      int x = LEFT + (int) ((double) s / seconds * width);
      g.drawLine(x, top + PANEL, x, top + PANEL + 5);
      g.drawString(Integer.toString(s), x - 6, top + PANEL + 18);
    }
    g.setColor(Color.BLACK);
    g.drawRect(LEFT, top, width, PANEL);
    Graphics2D rotated = (Graphics2D) g.create();
    rotated.rotate(-Math.PI / 2);
    rotated.drawString(yLabel, -(top + PANEL / 2 + 40), 18);
    rotated.dispose();
    // lines and legend
    int legendY = top + 15;
    for (Line line : lines) {
      if (line.points().isEmpty()) {
        continue;
      }
      g.setColor(line.color());
      g.setStroke(new BasicStroke(2));
      int px = -1;
      int py = -1;
      for (Series.Point p : line.points()) {
        double v = line.value().applyAsDouble(p);
        if (log && v <= 0) {
          continue;
        }
        int x = LEFT + (int) ((p.second() + 0.5) / seconds * width);
        int yy = y(top, v, lo, hi, log);
        if (px >= 0) {
          g.drawLine(px, py, x, yy);
        }
        px = x;
        py = yy;
      }
      g.fillRect(LEFT + width + 15, legendY - 9, 18, 4);
      g.setColor(Color.BLACK);
      g.drawString(line.label(), LEFT + width + 40, legendY - 4);
      legendY += 20;
    }
  }

  private static void grid(Graphics2D g, int y, int width, String label) {
    g.setColor(new Color(225, 225, 225));
    g.drawLine(LEFT, y, LEFT + width, y);
    g.setColor(Color.DARK_GRAY);
    g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 4);
  }

  private static int y(int top, double v, double lo, double hi, boolean log) {
    double f =
        log
            ? (Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))
            : (v - lo) / (hi - lo);
    return top + PANEL - (int) Math.round(Math.min(1, Math.max(0, f)) * PANEL);
  }

  static double niceCeiling(double v) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * magnitude >= v) {
        return m * magnitude;
      }
    }
    return 10 * magnitude;
  }
}
