package io.otedama.controller.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.otedama.controller.OtedamaConfiguration;
import io.otedama.controller.support.Api;
import io.otedama.controller.support.Api.Reply;
import io.otedama.controller.support.TestApps;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Authentication and authorisation of every endpoint: 401 without or with a bad token, 403 for a
 * role without the right, success for the roles with it; login, lockout, users, audit log.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AuthApiTest {
  static final DropwizardAppExtension<OtedamaConfiguration> APP = TestApps.app();
  static Api api;
  static Map<String, String> tokenByRole;
  static String rigId;
  static String commandId;

  record Endpoint(String method, String path, Object body, Set<String> roles) {}

  static final Set<String> STAFF = Set.of(Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER);
  static final Set<String> OPERATORS = Set.of(Roles.ADMIN, Roles.OPERATOR);
  static final Set<String> ADMINS = Set.of(Roles.ADMIN);
  static final Set<String> EVERYONE =
      Set.of(Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER, Roles.CLIENT);

  @BeforeAll
  static void setUp() {
    api = new Api(APP);
    String admin = api.loginAdmin();
    tokenByRole =
        Map.of(
            Roles.ADMIN, admin,
            Roles.OPERATOR, api.userWithRole(admin, "olga", Roles.OPERATOR),
            Roles.VIEWER, api.userWithRole(admin, "victor", Roles.VIEWER),
            Roles.CLIENT, api.userWithRole(admin, "clara", Roles.CLIENT));
    rigId = api.enroll(admin, "hw-auth-1").text("rigId");
    commandId =
        api.post("/api/v1/rigs/" + rigId + "/commands", admin, Map.of("type", "blink-led"))
            .text("id");
  }

  List<Endpoint> endpoints() {
    String rig = "/api/v1/rigs/" + rigId;
    return List.of(
        new Endpoint("GET", "/api/v1/fleet/summary", null, STAFF),
        // clients list only their account's rigs (none here) and get 404 for any other rig
        new Endpoint("GET", "/api/v1/rigs", null, EVERYONE),
        new Endpoint("GET", rig, null, STAFF),
        new Endpoint("PUT", rig, Map.of("name", "renamed"), OPERATORS),
        new Endpoint("GET", rig + "/events", null, STAFF),
        new Endpoint("GET", rig + "/telemetry", null, STAFF),
        new Endpoint("GET", rig + "/commands", null, STAFF),
        new Endpoint("POST", rig + "/commands", Map.of("type", "blink-led"), OPERATORS),
        new Endpoint("GET", "/api/v1/commands/" + commandId, null, STAFF),
        new Endpoint("GET", "/api/v1/groups", null, STAFF),
        new Endpoint("POST", "/api/v1/groups", Map.of("name", "g-" + System.nanoTime()), OPERATORS),
        new Endpoint("POST", "/api/v1/enrollment-tokens", Map.of(), OPERATORS),
        new Endpoint("PUT", "/api/v1/accounts/5/rigs/" + rigId, null, OPERATORS),
        new Endpoint("GET", "/api/v1/auth/session", null, EVERYONE),
        new Endpoint("GET", "/api/v1/users", null, ADMINS),
        new Endpoint("GET", "/api/v1/audit", null, ADMINS),
        new Endpoint(
            "GET",
            "/api/v1/auth/me",
            null,
            Set.of(Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER, Roles.CLIENT)));
  }

  @Test
  void everyEndpointRefusesCallsWithoutAValidToken() {
    for (Endpoint e : endpoints()) {
      for (String token : new String[] {null, "not-a-token"}) {
        Reply r = api.send(e.method(), e.path(), token, e.body());
        assertThat(r.status()).as(e.method() + " " + e.path() + " with " + token).isEqualTo(401);
        assertThat(r.body().path("code").asInt()).isEqualTo(401);
        assertThat(r.text("message")).contains("bearer token");
      }
    }
  }

  @Test
  void everyEndpointAdmitsExactlyItsRoles() {
    for (Endpoint e : endpoints()) {
      for (var role : tokenByRole.entrySet()) {
        Object body =
            e.path().equals("/api/v1/groups") && e.method().equals("POST")
                ? Map.of("name", "g-" + role.getKey() + "-" + System.nanoTime())
                : e.body();
        Reply r = api.send(e.method(), e.path(), role.getValue(), body);
        String what = role.getKey() + " on " + e.method() + " " + e.path() + ": " + r;
        if (e.roles().contains(role.getKey())) {
          assertThat(r.status()).as(what).isBetween(200, 299);
        } else if (role.getKey().equals(Roles.CLIENT)
            && e.method().equals("GET")
            && e.path().startsWith("/api/v1/rigs/")
            && !e.path().endsWith("/commands")) {
          assertThat(r.status()).as(what).isEqualTo(404); // not their rig: as if it did not exist
        } else {
          assertThat(r.status()).as(what).isEqualTo(403);
          assertThat(r.text("message")).as(what).isEqualTo("Your role does not allow this action.");
        }
      }
    }
  }

  @Test
  void loginReturnsATokenThatExpiresAfterTheConfiguredTime() {
    Reply r =
        api.post(
            "/api/v1/auth/token",
            null,
            Map.of("username", "admin", "password", Api.ADMIN_PASSWORD));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.text("token")).hasSize(43);
    java.time.Instant expires = java.time.Instant.parse(r.text("expiresAt"));
    assertThat(Duration.between(TestApps.testApp(APP).clock.instant(), expires))
        .isEqualTo(Duration.ofHours(12));
    Reply me = api.get("/api/v1/auth/me", r.text("token"));
    assertThat(me.text("username")).isEqualTo("admin");
    assertThat(me.text("role")).isEqualTo("admin");
  }

  @Test
  void onlyTheTokensHashIsStored() {
    String token = api.loginAdmin();
    long plain =
        APP.<io.otedama.controller.support.TestApp>getApplication()
            .core()
            .jdbi()
            .withHandle(h ->
                h.createQuery(
                        "SELECT count(*) FROM api_tokens WHERE encode(token_sha256, 'escape') LIKE :t")
                    .bind("t", "%" + token + "%")
                    .mapTo(Long.class)
                    .one());
    assertThat(plain).isZero();
  }

  @Test
  void logoutRevokesTheToken() {
    String token = api.loginAdmin();
    assertThat(api.post("/api/v1/auth/logout", token, null).status()).isEqualTo(204);
    assertThat(api.get("/api/v1/auth/me", token).status()).isEqualTo(401);
  }

  @Test
  void wrongPasswordAndUnknownUserGetTheSame401() {
    Reply wrong =
        api.post("/api/v1/auth/token", null, Map.of("username", "admin2", "password", "nope"));
    Reply unknown =
        api.post("/api/v1/auth/token", null, Map.of("username", "nobody", "password", "nope"));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(wrong.text("message")).isEqualTo(unknown.text("message"));
  }

  @Test
  void repeatedFailuresLockTheUserEvenForTheRightPassword() {
    String admin = tokenByRole.get(Roles.ADMIN);
    api.post(
        "/api/v1/users",
        admin,
        Map.of("username", "lucy", "password", "lucy-password-1", "role", "viewer"));
    for (int i = 0; i < 5; i++) {
      assertThat(
              api.post(
                      "/api/v1/auth/token",
                      null,
                      Map.of("username", "lucy", "password", "wrong-" + i))
                  .status())
          .isEqualTo(401);
    }
    Reply locked =
        api.post(
            "/api/v1/auth/token", null, Map.of("username", "lucy", "password", "lucy-password-1"));
    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.text("message")).contains("Too many failed logins");

    // the window slides: 15 minutes later the right password works again
    TestApps.testApp(APP).clock.advance(Duration.ofMinutes(16));
    Reply ok =
        api.post(
            "/api/v1/auth/token", null, Map.of("username", "lucy", "password", "lucy-password-1"));
    assertThat(ok.status()).isEqualTo(200);
  }

  @Test
  void adminsCreateAndListUsers() {
    String admin = tokenByRole.get(Roles.ADMIN);
    Reply created =
        api.post(
            "/api/v1/users",
            admin,
            Map.of(
                "username",
                "cora",
                "password",
                "cora-password",
                "role",
                "client",
                "accountId",
                42));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.text("role")).isEqualTo("client");
    assertThat(created.body().path("accountId").asLong()).isEqualTo(42);
    assertThat(created.body().has("passwordHash")).isFalse();

    Reply list = api.get("/api/v1/users", admin);
    assertThat(list.body().path("items").findValuesAsText("username"))
        .contains("admin", "olga", "victor", "clara", "cora");

    Reply duplicate =
        api.post(
            "/api/v1/users",
            admin,
            Map.of("username", "cora", "password", "cora-password", "role", "viewer"));
    assertThat(duplicate.status()).isEqualTo(409);
    Reply badRole =
        api.post(
            "/api/v1/users",
            admin,
            Map.of("username", "dave", "password", "dave-password", "role", "root"));
    assertThat(badRole.status()).isEqualTo(400);
    assertThat(badRole.text("message")).contains("admin, operator, viewer, client");
    Reply shortPassword =
        api.post(
            "/api/v1/users",
            admin,
            Map.of("username", "dave", "password", "short", "role", "viewer"));
    assertThat(shortPassword.status()).isEqualTo(400);
    assertThat(shortPassword.text("message")).contains("at least 10 characters");
  }

  @Test
  void everyMutatingCallIsAudited() {
    String operator = tokenByRole.get(Roles.OPERATOR);
    api.put("/api/v1/rigs/" + rigId, operator, Map.of("name", "audited-rig"));
    api.post("/api/v1/auth/token", null, Map.of("username", "mallory", "password", "guess"));

    Reply audit =
        api.get(
            "/api/v1/audit?actor=olga&action=PUT%20/api/v1/rigs/%7Bid%7D",
            tokenByRole.get(Roles.ADMIN));
    assertThat(audit.status()).isEqualTo(200);
    var entry = audit.body().path("items").get(0);
    assertThat(entry.path("actor").asText()).isEqualTo("olga");
    assertThat(entry.path("actorRole").asText()).isEqualTo("operator");
    assertThat(entry.path("path").asText()).isEqualTo("/api/v1/rigs/" + rigId);
    assertThat(entry.path("status").asInt()).isEqualTo(200);
    assertThat(entry.path("remoteAddress").asText()).isEqualTo("127.0.0.1");
    assertThat(entry.path("detail").asText()).contains("name=audited-rig");
    assertThat(entry.path("at").asText()).isNotEmpty();

    Reply failedLogin = api.get("/api/v1/audit?actor=mallory", tokenByRole.get(Roles.ADMIN));
    assertThat(failedLogin.body().path("items").get(0).path("status").asInt()).isEqualTo(401);
    assertThat(failedLogin.body().path("items").get(0).path("action").asText())
        .isEqualTo("POST /api/v1/auth/token");
  }

  @Test
  void errorsAreJsonWithCodeAndMessage() {
    String admin = tokenByRole.get(Roles.ADMIN);
    Reply malformed = api.postRaw("/api/v1/groups", admin, "{\"name\": ");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body().path("code").asInt()).isEqualTo(400);
    assertThat(malformed.text("message")).startsWith("The request body is not valid JSON");

    Reply wrongType = api.postRaw("/api/v1/enrollment-tokens", admin, "{\"uses\": \"many\"}");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.text("message")).contains("'uses'");

    Reply invalid = api.post("/api/v1/enrollment-tokens", admin, Map.of("uses", 0));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.text("message")).contains("uses must be greater than or equal to 1");

    Reply missing = api.post("/api/v1/auth/token", null, Map.of("username", "admin"));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.text("message")).contains("password must not be blank");

    Reply unknownPath = api.get("/api/v1/no-such-thing", admin);
    assertThat(unknownPath.status()).isEqualTo(404);
    assertThat(unknownPath.body().path("code").asInt()).isEqualTo(404);
    assertThat(unknownPath.contentType()).startsWith("application/json");

    Reply noRig = api.get("/api/v1/rigs/rig-nonexistent", admin);
    assertThat(noRig.status()).isEqualTo(404);
    assertThat(noRig.text("message")).isEqualTo("There is no rig with id 'rig-nonexistent'.");

    Reply wrongMethod = api.send("DELETE", "/api/v1/fleet/summary", admin, null);
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.body().path("code").asInt()).isEqualTo(405);
  }
}
