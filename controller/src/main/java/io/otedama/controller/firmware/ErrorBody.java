package io.otedama.controller.firmware;

import io.otedama.controller.api.ApiError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The API's error body for responses built by hand (not thrown). */
final class ErrorBody {
  private ErrorBody() {}

  static Response of(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(new ApiError(status, message))
        .build();
  }
}
