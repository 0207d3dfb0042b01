package io.otedama.controller.auth;

import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthFilter;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.chained.ChainedAuthFilter;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.core.setup.Environment;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.jdbi.v3.core.Jdbi;

/**
 * Wires auth into the application: session-cookie and bearer-token filters, role checks, audit
 * filter, the bootstrap admin, and the auth, user and audit resources.
 */
public final class AuthFeature {
  private final TokenService tokens;
  private final AuditLog audit;
  private final UserService users;

  private AuthFeature(TokenService tokens, AuditLog audit, UserService users) {
    this.tokens = tokens;
    this.audit = audit;
    this.users = users;
  }

  public static AuthFeature install(
      AuthConfiguration config,
      Jdbi jdbi,
      Clock clock,
      Environment environment,
      PrintStream console) {
    PasswordHasher hasher = new PasswordHasher();
    TokenService tokens = new TokenService(jdbi, clock, config.getTokenTtl().toJavaDuration());
    LoginThrottle throttle =
        new LoginThrottle(
            jdbi,
            clock,
            config.getLockoutMaxFailures(),
            config.getLockoutWindow().toJavaDuration());
    UserService users = new UserService(jdbi, hasher, clock, config.getMinPasswordLength());
    AuditLog audit = new AuditLog(jdbi, clock);

    new BootstrapAdmin(users, console)
        .ensureAdmin(
            Optional.ofNullable(config.getBootstrapAdminPassword())
                .filter(p -> !p.isBlank())
                .or(() -> Optional.ofNullable(System.getenv("OTEDAMA_ADMIN_PASSWORD"))));

    var jersey = environment.jersey();
    BearerTokenAuthenticator authenticator = new BearerTokenAuthenticator(tokens);
    // the console's session cookie first (its CSRF refusal is the error that counts), then bearer
    List<AuthFilter<?, ?>> filters =
        List.of(
            new SessionCookieAuthFilter.Builder()
                .setAuthenticator(authenticator)
                .setAuthorizer(new RoleAuthorizer())
                .setUnauthorizedHandler(new JsonUnauthorizedHandler())
                .setPrefix("Bearer")
                .setRealm("otedama")
                .buildAuthFilter(),
            new OAuthCredentialAuthFilter.Builder<User>()
                .setAuthenticator(authenticator)
                .setAuthorizer(new RoleAuthorizer())
                .setUnauthorizedHandler(new JsonUnauthorizedHandler())
                .setPrefix("Bearer")
                .setRealm("otedama")
                .buildAuthFilter());
    jersey.register(new AuthDynamicFeature(new ChainedAuthFilter(filters)));
    jersey.register(RolesAllowedDynamicFeature.class);
    jersey.register(new AuthValueFactoryProvider.Binder<>(User.class));
    jersey.register(new AuditFilter(audit));
    LoginService login = new LoginService(jdbi, hasher, throttle, tokens);
    jersey.register(new AuthResource(login, tokens));
    jersey.register(new SessionResource(login, tokens, clock));
    jersey.register(new UserResource(users));
    jersey.register(new AuditResource(audit));
    jersey.register(new ApiTokenResource(new ApiTokens(jdbi, clock)));
    return new AuthFeature(tokens, audit, users);
  }

  public TokenService tokens() {
    return tokens;
  }

  public AuditLog audit() {
    return audit;
  }

  public UserService users() {
    return users;
  }
}
