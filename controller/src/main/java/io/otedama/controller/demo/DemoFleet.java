package io.otedama.controller.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.lifecycle.Managed;
import io.otedama.agent.sim.FleetSimulator;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's rigs: once the server listens, signs in as the admin through the real API, creates an
 * enrollment token for N rigs, and starts the fleet simulator (the real agent code, real MQTT, real
 * hashing at a tiny difficulty). The rigs' hardware ids are stable ({@code sim:demo:<n>}), so a
 * restart enrolls the same rigs again.
 */
final class DemoFleet implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(DemoFleet.class);
  private static final double HASHES_PER_SECOND = 4000;

  private final int rigs;
  private final int port;
  private final String adminPassword;
  private final DemoReleaseKey releaseKey;
  private final ObjectMapper json;
  private final PrintStream out = System.out;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private volatile FleetSimulator simulator;
  private volatile boolean stopped;

  DemoFleet(
      int rigs, int port, String adminPassword, DemoReleaseKey releaseKey, ObjectMapper json) {
    this.rigs = rigs;
    this.port = port;
    this.adminPassword = adminPassword;
    this.releaseKey = releaseKey;
    this.json = json;
  }

  @Override
  public void start() {}

  /** Starts the rigs on a thread of their own (enrollment goes through this server's API). */
  void launch() {
    Thread.ofVirtual().name("demo-fleet").start(this::startRigs);
  }

  private void startRigs() {
    URI base = URI.create("http://127.0.0.1:" + port);
    String adminToken;
    try {
      adminToken =
          post(
                  base,
                  "/api/v1/auth/token",
                  null,
                  Map.of("username", "admin", "password", adminPassword))
              .path("token")
              .asText();
    } catch (IOException | InterruptedException | IllegalStateException e) {
      out.println(
          "otedama demo: cannot sign in as admin ("
              + e.getMessage()
              + "). The admin password was set at the first start; start with"
              + " OTEDAMA_ADMIN_PASSWORD set to it, or delete ./data/ to start afresh.");
      return;
    }
    try {
      String enrollToken =
          post(base, "/api/v1/enrollment-tokens", adminToken, Map.of("uses", rigs, "ttlHours", 1))
              .path("token")
              .asText();
      FleetSimulator started =
          FleetSimulator.start(
              FleetSimulator.Options.defaults(base, enrollToken, rigs)
                  .withFleetName("demo")
                  .withHashesPerSecond(HASHES_PER_SECOND)
                  .withTelemetryInterval(Duration.ofSeconds(5))
                  .withRamp(Duration.ofMillis(200L * rigs))
                  // the rigs trust the demo's release key, so a campaign can update them
                  .withReleaseKeys(java.util.List.of(releaseKey.publicKeyBase64())));
      synchronized (this) {
        if (stopped) {
          started.close();
          return;
        }
        simulator = started;
      }
      setUpAccounts(base, adminToken, started);
      banner(started.rigs().size());
    } catch (IOException | InterruptedException | RuntimeException e) {
      out.println("otedama demo: the simulated rigs could not start: " + e.getMessage());
      LOG.warn("Demo rigs failed to start", e);
    }
  }

  /**
   * The demo's hosting clients (one per scheme, with payout addresses and a site price), each rig
   * linked to one of them, so blocks and PPS work show up as credits and payout batches. Accounts
   * that exist from an earlier start are reused.
   */
  private void setUpAccounts(URI base, String adminToken, FleetSimulator started)
      throws IOException, InterruptedException {
    send(
        "PUT",
        base,
        "/api/v1/sites/" + DemoAccounts.SITE,
        adminToken,
        Map.of("electricityMsatPerKwh", DemoAccounts.SITE_MSAT_PER_KWH));
    java.util.List<Long> ids = new java.util.ArrayList<>();
    for (DemoAccounts.Client client : DemoAccounts.CLIENTS) {
      Map<String, Object> body = new java.util.LinkedHashMap<>();
      body.put("name", client.name());
      body.put("scheme", client.scheme());
      body.put("poolFeeBps", client.poolFeeBps());
      body.put("hostingFeeBps", client.hostingFeeBps());
      body.put("payoutThresholdSats", DemoAccounts.THRESHOLD_SATS);
      body.put("walletAddress", client.address());
      if (client.onSite()) {
        body.put("site", DemoAccounts.SITE);
      }
      HttpResponse<String> created = request("POST", base, "/api/v1/accounts", adminToken, body);
      if (created.statusCode() == 201) {
        ids.add(json.readTree(created.body()).path("id").asLong());
      } else if (created.statusCode() == 409) {
        ids.add(existingAccount(base, adminToken, client.name()));
      } else {
        throw new IllegalStateException(
            "HTTP " + created.statusCode() + " creating demo account " + client.name());
      }
    }
    java.util.List<FleetSimulator.SimulatedRig> rigs = started.rigs();
    for (int i = 0; i < rigs.size(); i++) {
      String rigId = rigs.get(i).rigId();
      if (rigId == null) {
        continue; // not enrolled (the simulator reports why)
      }
      send(
          "PUT",
          base,
          "/api/v1/accounts/" + ids.get(i % ids.size()) + "/rigs/" + rigId,
          adminToken,
          Map.of());
    }
  }

  private long existingAccount(URI base, String adminToken, String name)
      throws IOException, InterruptedException {
    HttpResponse<String> list = request("GET", base, "/api/v1/accounts", adminToken, null);
    for (JsonNode account : json.readTree(list.body()).path("items")) {
      if (account.path("name").asText().equals(name)) {
        return account.path("id").asLong();
      }
    }
    throw new IllegalStateException("demo account " + name + " exists but is not listed");
  }

  private void send(String method, URI base, String path, String bearer, Object body)
      throws IOException, InterruptedException {
    HttpResponse<String> response = request(method, base, path, bearer, body);
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("HTTP " + response.statusCode() + " from " + path);
    }
  }

  private HttpResponse<String> request(
      String method, URI base, String path, String bearer, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + bearer)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void banner(int enrolled) {
    out.println();
    out.println("Otedama demo is running (" + enrolled + " simulated rigs).");
    out.println("  Console:     http://localhost:" + port + "/");
    out.println("  Admin login: admin / " + adminPassword);
    out.println("  API:         http://localhost:" + port + "/api/v1/ (POST /api/v1/auth/token)");
    out.println("  Prometheus:  http://localhost:" + (port + 1) + "/prometheus");
    out.println("  MQTT:        tcp://127.0.0.1:" + (port + 2));
    out.println(
        "  Stratum:     stratum+tcp://localhost:" + (port + 3) + " (user <account>.<worker>)");
    out.println(
        "  Payouts:     clients alice (PPLNS), bob (PROP), carol (PPS) share the rigs; blocks at"
            + " GET /api/v1/earnings/blocks,");
    out.println(
        "               credits at GET /api/v1/accounts, batches every 2 minutes at"
            + " GET /api/v1/payouts, jobs at GET /api/v1/jobs");
    out.println(
        "  Firmware:    release key "
            + releaseKey.privateKeyFile().toAbsolutePath()
            + " (id "
            + releaseKey.keyId()
            + "), trusted by the controller and the rigs;");
    out.println(
        "               sign an artifact with ./otedama controller firmware sign --key "
            + releaseKey.privateKeyFile().toAbsolutePath()
            + " FILE,");
    out.println(
        "               upload it and start a campaign on the console's Firmware page"
            + " (docs/firmware.md)");
    out.println("  Data:        ./data/ (admin password in ./data/demo-admin-password)");
    out.println("Press Ctrl-C to stop.");
    out.flush();
  }

  private JsonNode post(URI base, String path, String bearer, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("HTTP " + response.statusCode() + " from " + path);
    }
    return json.readTree(response.body());
  }

  @Override
  public void stop() {
    FleetSimulator s;
    synchronized (this) {
      stopped = true;
      s = simulator;
      simulator = null;
    }
    if (s != null) {
      out.println("otedama demo: stopping the simulated rigs...");
      s.close();
    }
  }
}
