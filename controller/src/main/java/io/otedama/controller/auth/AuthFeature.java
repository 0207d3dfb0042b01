package io.otedama.controller.auth;

import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.core.setup.Environment;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Optional;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.jdbi.v3.core.Jdbi;

/**
 * Wires auth into the application: bearer-token filter, role checks, audit filter, the bootstrap
 * admin, and the auth, user and audit resources.
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
    jersey.register(
        new AuthDynamicFeature(
            new OAuthCredentialAuthFilter.Builder<User>()
                .setAuthenticator(new BearerTokenAuthenticator(tokens))
                .setAuthorizer(new RoleAuthorizer())
                .setUnauthorizedHandler(new JsonUnauthorizedHandler())
                .setPrefix("Bearer")
                .setRealm("otedama")
                .buildAuthFilter()));
    jersey.register(RolesAllowedDynamicFeature.class);
    jersey.register(new AuthValueFactoryProvider.Binder<>(User.class));
    jersey.register(new AuditFilter(audit));
    jersey.register(new AuthResource(new LoginService(jdbi, hasher, throttle, tokens), tokens));
    jersey.register(new UserResource(users));
    jersey.register(new AuditResource(audit));
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
