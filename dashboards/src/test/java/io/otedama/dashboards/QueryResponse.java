package io.otedama.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Prometheus's answer to an instant query: the HTTP status and the JSON body. */
record QueryResponse(int httpStatus, JsonNode body) {

  boolean succeeded() {
    return httpStatus == 200 && "success".equals(body.path("status").asText());
  }

  /** Prometheus answers 400 with {@code errorType: bad_data} when the expression does not parse. */
  boolean isParseError() {
    return httpStatus == 400 && "bad_data".equals(body.path("errorType").asText());
  }

  String error() {
    return body.path("errorType").asText() + ": " + body.path("error").asText();
  }

  /** The result samples (vector) or series (matrix); empty for a scalar or string result. */
  JsonNode results() {
    JsonNode data = body.path("data");
    String type = data.path("resultType").asText();
    return "vector".equals(type) || "matrix".equals(type)
        ? data.path("result")
        : MissingNode.getInstance();
  }

  /** True when at least one returned sample holds a finite number (not NaN, not ±Inf). */
  boolean hasFiniteSample() {
    JsonNode data = body.path("data");
    if ("scalar".equals(data.path("resultType").asText())) {
      return isFinite(data.path("result").path(1).asText());
    }
    for (JsonNode series : results()) {
      if (series.has("value") && isFinite(series.path("value").path(1).asText())) {
        return true;
      }
      for (JsonNode point : series.path("values")) {
        if (isFinite(point.path(1).asText())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isFinite(String value) {
    try {
      return Double.isFinite(Double.parseDouble(value));
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
