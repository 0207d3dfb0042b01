package io.otedama.controller.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A body that is not valid JSON, or JSON of the wrong shape, gets a 400 that names the problem and
 * the field; a failure to write a response is a server error.
 */
public class JsonBodyExceptionMapper implements ExceptionMapper<JsonProcessingException> {
  private static final Logger LOG = LoggerFactory.getLogger(JsonBodyExceptionMapper.class);

  @Override
  public Response toResponse(JsonProcessingException e) {
    if (e instanceof com.fasterxml.jackson.databind.exc.InvalidDefinitionException) {
      LOG.error("JSON (de)serialisation is misconfigured", e);
      return ErrorResponses.of(500, "The server could not process JSON for this request.");
    }
    return ErrorResponses.of(400, describe(e));
  }

  static String describe(JsonProcessingException e) {
    if (e instanceof JsonParseException) {
      return "The request body is not valid JSON: " + e.getOriginalMessage() + ".";
    }
    if (e instanceof UnrecognizedPropertyException u) {
      return "The request body has an unknown field '" + u.getPropertyName() + "'.";
    }
    if (e instanceof InvalidFormatException f) {
      return "The field '" + path(f) + "' has an invalid value " + quote(f.getValue()) + ".";
    }
    if (e instanceof MismatchedInputException m) {
      String path = path(m);
      return path.isEmpty()
          ? "The request body has the wrong JSON shape."
          : "The field '" + path + "' has the wrong type.";
    }
    return "The request body could not be read as JSON.";
  }

  private static String path(MismatchedInputException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  private static String quote(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }
}
