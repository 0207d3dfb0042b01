package io.otedama.controller.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.otedama.controller.OtedamaConfiguration;
import io.otedama.controller.support.Api;
import io.otedama.controller.support.TestApps;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Hosting clients read only the rigs linked to their account; staff link and unlink them. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ClientRigsApiTest {
  static final DropwizardAppExtension<OtedamaConfiguration> APP = TestApps.app();

  @Test
  void clientsSeeOnlyTheirAccountsRigsAndStaffManageTheLinks() {
    Api api = new Api(APP);
    String admin = api.loginAdmin();
    String viewer = api.userWithRole(admin, "vic", "viewer");
    api.post(
        "/api/v1/users",
        admin,
        Map.of("username", "cli", "password", "password-of-cli", "role", "client", "accountId", 7));
    String client = api.login("cli", "password-of-cli");
    String mine = api.enroll(admin, "client-hw-1").text("rigId");
    String other = api.enroll(admin, "client-hw-2").text("rigId");

    assertThat(api.get("/api/v1/rigs", client).body().path("total").asLong()).isZero();
    assertThat(api.put("/api/v1/accounts/7/rigs/" + mine, viewer, Map.of()).status())
        .isEqualTo(403);
    assertThat(api.put("/api/v1/accounts/7/rigs/rig-nope", admin, Map.of()).status())
        .isEqualTo(404);
    assertThat(api.put("/api/v1/accounts/7/rigs/" + mine, admin, Map.of()).status()).isEqualTo(204);
    assertThat(api.put("/api/v1/accounts/7/rigs/" + mine, admin, Map.of()).status())
        .isEqualTo(204); // idempotent

    var page = api.get("/api/v1/rigs?q=client-hw", client).body();
    assertThat(page.path("total").asLong()).isEqualTo(1);
    assertThat(page.path("items").get(0).path("id").asText()).isEqualTo(mine);
    assertThat(api.get("/api/v1/rigs/" + mine, client).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/rigs/" + mine + "/events", client).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/rigs/" + mine + "/telemetry", client).status()).isEqualTo(200);
    // another account's rig does not exist as far as the client can tell
    assertThat(api.get("/api/v1/rigs/" + other, client).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/rigs/" + other + "/events", client).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/rigs/" + other + "/telemetry", client).status()).isEqualTo(404);
    // clients change nothing and read no fleet-wide figures or commands
    assertThat(api.put("/api/v1/rigs/" + mine, client, Map.of("name", "x")).status())
        .isEqualTo(403);
    assertThat(api.get("/api/v1/fleet/summary", client).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/rigs/" + mine + "/commands", client).status()).isEqualTo(403);
    // staff still see every rig
    assertThat(api.get("/api/v1/rigs?q=client-hw", viewer).body().path("total").asLong())
        .isEqualTo(2);

    assertThat(api.send("DELETE", "/api/v1/accounts/7/rigs/" + mine, admin, null).status())
        .isEqualTo(204);
    assertThat(api.send("DELETE", "/api/v1/accounts/7/rigs/" + mine, admin, null).status())
        .isEqualTo(404);
    assertThat(api.get("/api/v1/rigs/" + mine, client).status()).isEqualTo(404);
  }
}
