package io.otedama.agent.enroll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.otedama.agent.config.AgentConfig;
import io.otedama.protocol.topic.RigIdSyntax;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * {@code POST /api/v1/enroll} (CONTRACTS.md §4): exchanges an enrollment token and the rig's
 * hardware identity for its rig id and MQTT credentials. The same hardware id gets the same rig id
 * again (with a fresh secret), so enrolling twice is harmless.
 */
public final class EnrollmentClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final Duration timeout;

  public EnrollmentClient(HttpClient http, Duration timeout) {
    this.http = http;
    this.timeout = timeout;
  }

  public static EnrollmentClient standard() {
    return new EnrollmentClient(
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
        Duration.ofSeconds(30));
  }

  /**
   * Enrolls.
   *
   * @param name the rig's display name, or null
   * @param model the hardware model, or null
   * @throws EnrollmentException with the controller's message, or why it could not be reached
   */
  public AgentConfig.Credentials enroll(
      URI controller, String token, String hardwareId, String name, String model) {
    ObjectNode body = JSON.createObjectNode();
    body.put("token", token);
    body.put("hardwareId", hardwareId);
    if (name != null) {
      body.put("name", name);
    }
    if (model != null) {
      body.put("model", model);
    }
    URI endpoint = controller.resolve(stripSlash(controller.getPath()) + "/api/v1/enroll");
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new EnrollmentException(
          0, "the controller at " + controller + " did not answer in time");
    } catch (IOException e) {
      throw new EnrollmentException(
          0, "cannot reach the controller at " + controller + ": " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnrollmentException(0, "interrupted");
    }
    JsonNode json = parse(response.body());
    if (response.statusCode() / 100 != 2) {
      String message =
          json != null && json.path("message").isTextual()
              ? json.get("message").asText()
              : "HTTP " + response.statusCode();
      throw new EnrollmentException(
          response.statusCode(), "the controller refused the enrollment: " + message);
    }
    if (json == null) {
      throw new EnrollmentException(response.statusCode(), "the controller's answer is not JSON");
    }
    String rigId = text(json, "rigId");
    if (!RigIdSyntax.isValid(rigId)) {
      throw new EnrollmentException(
          response.statusCode(), "the controller sent an invalid rig id '" + rigId + "'");
    }
    URI mqttUrl = null;
    if (json.path("mqttUrl").isTextual() && !json.get("mqttUrl").asText().isBlank()) {
      try {
        mqttUrl = new URI(json.get("mqttUrl").asText());
      } catch (URISyntaxException e) {
        throw new EnrollmentException(
            response.statusCode(), "the controller sent an invalid mqttUrl");
      }
    }
    return new AgentConfig.Credentials(
        rigId, mqttUrl, text(json, "mqttUsername"), text(json, "mqttPassword"));
  }

  private static String text(JsonNode json, String field) {
    JsonNode v = json.get(field);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw new EnrollmentException(200, "the controller's answer has no " + field);
    }
    return v.asText();
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static String stripSlash(String path) {
    if (path == null) {
      return "";
    }
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
