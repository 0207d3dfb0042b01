package io.otedama.controller.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Maps the API's own refusals to their status and message. */
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {
  @Override
  public Response toResponse(ApiException e) {
    return ErrorResponses.of(e.status(), e.getMessage());
  }
}
