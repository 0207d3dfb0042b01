package io.otedama.controller.auth;

import io.dropwizard.auth.Authorizer;
import jakarta.ws.rs.container.ContainerRequestContext;

/** A user holds exactly one role; {@code @RolesAllowed} lists the roles an endpoint admits. */
public class RoleAuthorizer implements Authorizer<User> {
  @Override
  public boolean authorize(User user, String role, ContainerRequestContext requestContext) {
    return user.hasRole(role);
  }
}
