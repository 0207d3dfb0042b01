package io.otedama.dashboards;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Prometheus text exposition whose counters keep counting: on scrape {@code n} every counter,
 * histogram and summary sample is the fixture's value times {@code n + 1}, so {@code rate()} and
 * {@code increase()} see real growth while ratios and quantiles stay those of the fixture. Gauges
 * (including Micrometer's {@code _max}) stay as written.
 */
final class AdvancingExposition {

  private static final Pattern TYPE_LINE = Pattern.compile("^# TYPE (\\S+) (\\S+)");
  private static final Pattern SAMPLE_LINE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)(\\s+\\S+)?$");

  private final List<String> lines;
  private final Map<String, String> types = new HashMap<>();

  AdvancingExposition(String exposition) {
    this.lines = exposition.lines().toList();
    for (String line : lines) {
      Matcher type = TYPE_LINE.matcher(line);
      if (type.find()) {
        types.put(type.group(1), type.group(2));
      }
    }
  }

  String render(int scrape) {
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      Matcher sample = SAMPLE_LINE.matcher(line);
      if (!line.startsWith("#") && sample.matches() && grows(sample.group(1))) {
        double value = Double.parseDouble(sample.group(3)) * (scrape + 1);
        out.append(sample.group(1))
            .append(sample.group(2) == null ? "" : sample.group(2))
            .append(' ')
            .append(value);
      } else {
        out.append(line);
      }
      out.append('\n');
    }
    return out.toString();
  }

  private boolean grows(String seriesName) {
    if ("counter".equals(types.get(seriesName))) {
      return true;
    }
    for (String suffix : List.of("_bucket", "_count", "_sum")) {
      if (seriesName.endsWith(suffix)) {
        String family = types.get(seriesName.substring(0, seriesName.length() - suffix.length()));
        if ("histogram".equals(family) || "summary".equals(family)) {
          return true;
        }
      }
    }
    return false;
  }
}
