package io.otedama.controller.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.otedama.controller.OtedamaConfiguration;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.IntSupplier;

/** A small HTTP client for the controller under test: JSON in, status and JSON out. */
public final class Api {
  public static final String ADMIN_PASSWORD = "test-admin-password";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final IntSupplier localPort;
  private final IntSupplier adminPort;
  private final Client client;

  public Api(DropwizardAppExtension<OtedamaConfiguration> app) {
    this.localPort = app::getLocalPort;
    this.adminPort = app::getAdminPort;
    this.client = app.client();
  }

  public Api(DropwizardTestSupport<OtedamaConfiguration> support) {
    this.localPort = support::getLocalPort;
    this.adminPort = support::getAdminPort;
    this.client = ClientBuilder.newClient();
  }

  public record Reply(int status, JsonNode body, String contentType) {
    public String text(String field) {
      return body.path(field).asText();
    }
  }

  public Reply get(String path, String token) {
    return send("GET", path, token, null);
  }

  public Reply post(String path, String token, Object body) {
    return send("POST", path, token, body);
  }

  public Reply put(String path, String token, Object body) {
    return send("PUT", path, token, body);
  }

  /** Sends a raw body exactly as given (for malformed JSON). */
  public Reply postRaw(String path, String token, String rawJson) {
    Invocation.Builder request = request(path, token);
    try (Response r = request.method("POST", Entity.entity(rawJson, MediaType.APPLICATION_JSON))) {
      return read(r);
    }
  }

  public Reply send(String method, String path, String token, Object body) {
    Invocation.Builder request = request(path, token);
    try (Response r =
        body == null
            ? (method.equals("GET") || method.equals("DELETE")
                ? request.method(method)
                : request.method(method, Entity.entity("", MediaType.APPLICATION_JSON)))
            : request.method(method, Entity.json(toJson(body)))) {
      return read(r);
    }
  }

  public String login(String username, String password) {
    Reply r = post("/api/v1/auth/token", null, Map.of("username", username, "password", password));
    if (r.status() != 200) {
      throw new AssertionError("login of " + username + " failed: " + r);
    }
    return r.text("token");
  }

  public String loginAdmin() {
    return login("admin", ADMIN_PASSWORD);
  }

  /** Creates a user with {@code role} and returns its token. */
  public String userWithRole(String adminToken, String username, String role) {
    String password = "password-of-" + username;
    Reply created =
        post(
            "/api/v1/users",
            adminToken,
            Map.of("username", username, "password", password, "role", role));
    if (created.status() != 201) {
      throw new AssertionError("creating " + username + " failed: " + created);
    }
    return login(username, password);
  }

  /** Creates a token and enrolls one rig with it; returns the enrollment reply. */
  public Reply enroll(String token, String hardwareId) {
    Reply t = post("/api/v1/enrollment-tokens", token, Map.of());
    return post("/api/v1/enroll", null, Map.of("token", t.text("token"), "hardwareId", hardwareId));
  }

  public String adminBase() {
    return "http://localhost:" + adminPort.getAsInt();
  }

  public String adminGetText(String path) {
    try (Response r = client.target(adminBase() + path).request().get()) {
      return r.readEntity(String.class);
    }
  }

  private Invocation.Builder request(String path, String token) {
    Invocation.Builder b =
        client
            .target("http://localhost:" + localPort.getAsInt() + path)
            .request(MediaType.APPLICATION_JSON);
    return token == null ? b : b.header("Authorization", "Bearer " + token);
  }

  private static String toJson(Object body) {
    try {
      return body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Reply read(Response r) {
    String text = r.hasEntity() ? r.readEntity(String.class) : "";
    JsonNode node;
    try {
      node = text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
    } catch (Exception e) {
      node = JSON.getNodeFactory().textNode(text);
    }
    return new Reply(
        r.getStatus(), node, r.getMediaType() == null ? null : r.getMediaType().toString());
  }
}
