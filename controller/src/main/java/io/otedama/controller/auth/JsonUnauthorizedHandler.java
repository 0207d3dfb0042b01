package io.otedama.controller.auth;

import io.dropwizard.auth.UnauthorizedHandler;
import io.otedama.controller.api.ErrorResponses;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The 401 in the API's JSON error shape, with the challenge header. */
public class JsonUnauthorizedHandler implements UnauthorizedHandler {
  @Override
  public Response buildResponse(String prefix, String realm) {
    Response json =
        ErrorResponses.of(
            401,
            "A valid bearer token is required: POST /api/v1/auth/token, then send"
                + " Authorization: Bearer <token>.");
    return Response.fromResponse(json)
        .header(HttpHeaders.WWW_AUTHENTICATE, prefix + " realm=\"" + realm + "\"")
        .build();
  }
}
