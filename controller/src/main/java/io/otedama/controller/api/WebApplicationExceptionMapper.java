package io.otedama.controller.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Jersey's own errors (unknown path, wrong method, unsupported media type, 403 from roles) in the
 * API's JSON shape, with a sentence a person can act on instead of "HTTP 404 Not Found".
 */
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    return ErrorResponses.of(status, sentenceFor(status, e.getMessage()));
  }

  static String sentenceFor(int status, String fallback) {
    return switch (status) {
      case 400 -> "The request is malformed.";
      case 401 -> "Authentication is required: send Authorization: Bearer <token>.";
      case 403 -> "Your role does not allow this action.";
      case 404 -> "There is no such resource.";
      case 405 -> "This method is not allowed on this resource.";
      case 406 -> "The requested media type is not available; this API speaks JSON.";
      case 415 -> "Unsupported media type; send Content-Type: application/json.";
      default -> fallback == null || fallback.isBlank() ? "The request failed." : fallback;
    };
  }
}
