package io.otedama.controller.auth;

import io.dropwizard.auth.Authenticator;
import java.util.Optional;

/** Resolves a bearer token to its user for dropwizard-auth. */
public class BearerTokenAuthenticator implements Authenticator<String, User> {
  private final TokenService tokens;

  public BearerTokenAuthenticator(TokenService tokens) {
    this.tokens = tokens;
  }

  @Override
  public Optional<User> authenticate(String token) {
    return tokens.authenticate(token);
  }
}
