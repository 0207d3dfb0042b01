package io.otedama.dashboards;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real Prometheus (Debian's {@code prometheus} binary) on a free loopback port, with its own
 * configuration and storage under a work directory, scraping the given targets every second. {@link
 * #close()} stops it and waits for it to exit.
 */
final class PrometheusServer implements AutoCloseable {

  private static final Duration STARTUP_LIMIT = Duration.ofSeconds(40);
  private static final Duration REQUEST_LIMIT = Duration.ofSeconds(10);
  private static final int BIND_ATTEMPTS = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final URI baseUri;
  private final Path log;
  private final HttpClient http;

  private PrometheusServer(Process process, URI baseUri, Path log) {
    this.process = process;
    this.baseUri = baseUri;
    this.log = log;
    this.http = HttpClient.newBuilder().connectTimeout(REQUEST_LIMIT).build();
  }

  /** Starts Prometheus scraping {@code targets} (none: it only answers queries). */
  static PrometheusServer start(Path workDir, List<ScrapeTarget> targets) throws IOException {
    return start(workDir, targets, List.of());
  }

  /** Like {@link #start(Path, List)}, also evaluating the alerting rules in {@code ruleFiles}. */
  static PrometheusServer start(Path workDir, List<ScrapeTarget> targets, List<Path> ruleFiles)
      throws IOException {
    Path config = workDir.resolve("prometheus.yml");
    Files.writeString(config, configYaml(targets, ruleFiles));
    IllegalStateException lastFailure = null;
    for (int attempt = 1; attempt <= BIND_ATTEMPTS; attempt++) {
      int port = FreeLoopbackPort.find();
      Path storage = Files.createDirectories(workDir.resolve("data-" + attempt));
      Path log = workDir.resolve("prometheus-" + attempt + ".log");
      Process process =
          new ProcessBuilder(
                  "prometheus",
                  "--config.file=" + config,
                  "--storage.tsdb.path=" + storage,
                  "--web.listen-address=127.0.0.1:" + port,
                  "--log.level=warn")
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      PrometheusServer server =
          new PrometheusServer(process, URI.create("http://127.0.0.1:" + port), log);
      try {
        server.awaitReady();
        return server;
      } catch (IllegalStateException e) {
        // Most likely another process took the port between our probe and Prometheus's bind.
        server.close();
        lastFailure = e;
      }
    }
    throw lastFailure;
  }

  private static String configYaml(List<ScrapeTarget> targets, List<Path> ruleFiles) {
    StringBuilder yaml = new StringBuilder();
    yaml.append(
        "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n  evaluation_interval: 1s\n");
    if (!ruleFiles.isEmpty()) {
      yaml.append("rule_files:\n");
      ruleFiles.forEach(f -> yaml.append("  - \"").append(f.toAbsolutePath()).append("\"\n"));
    }
    yaml.append("scrape_configs:");
    if (targets.isEmpty()) {
      yaml.append(" []\n");
      return yaml.toString();
    }
    yaml.append('\n');
    for (ScrapeTarget target : targets) {
      yaml.append("  - job_name: \"")
          .append(target.jobName())
          .append("\"\n")
          .append("    metrics_path: \"")
          .append(target.metricsPath())
          .append("\"\n")
          .append("    static_configs:\n")
          .append("      - targets: [\"")
          .append(target.hostPort())
          .append("\"]\n");
    }
    return yaml.toString();
  }

  private void awaitReady() {
    try {
      await("Prometheus ready at " + baseUri)
          .atMost(STARTUP_LIMIT)
          .pollInterval(Duration.ofMillis(200))
          // Connection refused until it listens (slow on a loaded machine).
          .ignoreExceptionsInstanceOf(UncheckedIOException.class)
          .until(() -> {
            if (!process.isAlive()) {
              throw new IllegalStateException(
                  "Prometheus exited with " + process.exitValue() + ":\n" + logText());
            }
            return get("/-/ready").statusCode() == 200;
          });
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(
          "Prometheus not ready within " + STARTUP_LIMIT + ":\n" + logText(), e);
    }
  }

  URI baseUri() {
    return baseUri;
  }

  /** Evaluates {@code promql} as an instant query now. */
  QueryResponse query(String promql) {
    HttpRequest request =
        HttpRequest.newBuilder(baseUri.resolve("/api/v1/query"))
            .timeout(REQUEST_LIMIT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("query=" + encode(promql)))
            .build();
    HttpResponse<String> response = send(request);
    return new QueryResponse(response.statusCode(), parse(response.body()));
  }

  /**
   * The values of {@code label} over the series {@code selector} matches (Grafana's label_values).
   */
  List<String> labelValues(String label, String selector) {
    HttpResponse<String> response =
        get("/api/v1/label/" + encode(label) + "/values?match[]=" + encode(selector));
    JsonNode body = parse(response.body());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "label values of " + label + " over " + selector + ": " + body);
    }
    List<String> values = new ArrayList<>();
    body.path("data").forEach(value -> values.add(value.asText()));
    return values;
  }

  /** The {@code data} of a GET on Prometheus's HTTP API, e.g. {@code /api/v1/rules}. */
  JsonNode api(String pathAndQuery) {
    HttpResponse<String> response = get(pathAndQuery);
    JsonNode body = parse(response.body());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(pathAndQuery + " answered " + response.statusCode() + body);
    }
    return body.path("data");
  }

  /** Every metric name Prometheus holds samples for. */
  List<String> metricNames() {
    List<String> names = new ArrayList<>();
    parse(get("/api/v1/label/__name__/values").body())
        .path("data")
        .forEach(n -> names.add(n.asText()));
    return names;
  }

  /** Waits until every scrape target of {@code job} has been scraped {@code samples} times. */
  void awaitScrapes(String job, int samples, Duration limit) {
    String promql = "min(count_over_time(up{job=\"" + job + "\"}[1m])) >= " + samples;
    try {
      await("≥" + samples + " scrapes of " + job)
          .atMost(limit)
          .pollInterval(Duration.ofMillis(250))
          .until(() -> query(promql).results().size() == 1);
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(
          "Prometheus did not scrape "
              + job
              + " "
              + samples
              + " times within "
              + limit
              + "; targets: "
              + get("/api/v1/targets").body(),
          e);
    }
  }

  private HttpResponse<String> get(String pathAndQuery) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUri + pathAndQuery))
            .timeout(REQUEST_LIMIT)
            .GET()
            .build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("request to Prometheus failed: " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("Prometheus answered something that is not JSON: " + body, e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  String logText() {
    try {
      return Files.exists(log) ? Files.readString(log) : "(no log)";
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
