package io.otedama.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.otedama.dashboards.ExternalProcess;
import io.otedama.dashboards.ProcessOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The inventory script against a loopback server serving the controller's rig list: groups by
 * group, site, model and status, host variables, all pages read whether the API counts pages from 0
 * or 1, Ansible itself accepting the output, and one clear line for every failure.
 */
class InventoryScriptTest {

  private static final String TOKEN = "t0ken-for-tests";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path scratch;

  /** Five rigs as the API describes them; the fixture serves them two per page. */
  private static List<Map<String, Object>> rigs() {
    return List.of(
        rig("r-0001", "A01", "online", "rack-12", "S19", "10.0.12.11", "site-east"),
        rig("r-0002", "A02", "online", "rack-12", "S19 XP", "10.0.12.12", "site-east"),
        rig("r-0003", "B01", "stale", "Rack 14", "S19", "10.0.14.11", null),
        rig("r-0004", "B02", "offline", null, "L7", null, null),
        rig(
            "r-0005",
            "C01",
            "online",
            Map.of("id", 7, "name", "rack-12"),
            null,
            "10.0.12.13",
            null));
  }

  private static Map<String, Object> rig(
      String id, String name, String status, Object group, String model, String ip, String site) {
    Map<String, Object> rig = new LinkedHashMap<>();
    rig.put("id", id);
    rig.put("name", name);
    rig.put("status", status);
    rig.put("hashrateHs", 1.1e14);
    rig.put("temperatureC", 70.5);
    rig.put("powerW", 3250.0);
    rig.put("lastSeen", "2026-11-23T23:00:00Z");
    rig.put("acceptedShares", 1200);
    rig.put("rejectedShares", 3);
    rig.put("group", group);
    rig.put("model", model);
    rig.put("ipAddress", ip);
    if (site != null) {
      rig.put("site", site);
    }
    return rig;
  }

  @ParameterizedTest
  @EnumSource(RigApiFixture.Paging.class)
  void listGroupsEveryRigByGroupSiteModelAndStatus(RigApiFixture.Paging paging) throws IOException {
    try (RigApiFixture api = new RigApiFixture(rigs(), TOKEN, paging)) {
      ProcessOutcome outcome = script(api.url(), TOKEN, "--list");
      assertThat(outcome.exitCode()).as(outcome.describe()).isZero();
      JsonNode inventory = JSON.readTree(outcome.stdout());

      assertThat(hosts(inventory, "otedama_rigs"))
          .containsExactly("r-0001", "r-0002", "r-0003", "r-0004", "r-0005");
      assertThat(hosts(inventory, "group_rack_12")).containsExactly("r-0001", "r-0002", "r-0005");
      assertThat(hosts(inventory, "group_rack_14")).containsExactly("r-0003");
      assertThat(hosts(inventory, "model_s19")).containsExactly("r-0001", "r-0003");
      assertThat(hosts(inventory, "model_s19_xp")).containsExactly("r-0002");
      assertThat(hosts(inventory, "model_l7")).containsExactly("r-0004");
      assertThat(hosts(inventory, "site_site_east")).containsExactly("r-0001", "r-0002");
      assertThat(hosts(inventory, "status_online")).containsExactly("r-0001", "r-0002", "r-0005");
      assertThat(hosts(inventory, "status_stale")).containsExactly("r-0003");
      assertThat(hosts(inventory, "status_offline")).containsExactly("r-0004");

      JsonNode a01 = inventory.at("/_meta/hostvars/r-0001");
      assertThat(a01.path("ansible_host").asText()).isEqualTo("10.0.12.11");
      assertThat(a01.path("otedama_rig_id").asText()).isEqualTo("r-0001");
      assertThat(a01.path("otedama_rig_name").asText()).isEqualTo("A01");
      assertThat(a01.path("otedama_rig_status").asText()).isEqualTo("online");
      assertThat(a01.path("otedama_rig_model").asText()).isEqualTo("S19");
      assertThat(a01.path("otedama_rig_group").asText()).isEqualTo("rack-12");
      assertThat(a01.path("otedama_rig_site").asText()).isEqualTo("site-east");
      assertThat(inventory.at("/_meta/hostvars/r-0004").has("ansible_host"))
          .as("a rig without a known address gets no ansible_host")
          .isFalse();
      assertThat(api.requests()).allSatisfy(uri -> assertThat(uri).contains("size=200"));
    }
  }

  @Test
  void hostPrintsTheVariablesOfOneRig() throws IOException {
    try (RigApiFixture api = new RigApiFixture(rigs(), TOKEN, RigApiFixture.Paging.FROM_ZERO)) {
      ProcessOutcome outcome = script(api.url(), TOKEN, "--host", "r-0003");
      assertThat(outcome.exitCode()).as(outcome.describe()).isZero();
      JsonNode vars = JSON.readTree(outcome.stdout());
      assertThat(vars.path("ansible_host").asText()).isEqualTo("10.0.14.11");
      assertThat(vars.path("otedama_rig_group").asText()).isEqualTo("Rack 14");
      assertThat(JSON.readTree(script(api.url(), TOKEN, "--host", "nope").stdout()).isEmpty())
          .isTrue();
    }
  }

  @Test
  void ansibleReadsTheInventoryAndTargetsARackByItsGroup() throws IOException {
    try (RigApiFixture api = new RigApiFixture(rigs(), TOKEN, RigApiFixture.Paging.FROM_ZERO)) {
      AnsibleCommands ansible =
          new AnsibleCommands(scratch).with("OTEDAMA_URL", api.url()).with("OTEDAMA_TOKEN", TOKEN);
      ProcessOutcome listed =
          ansible.run(
              "ansible-inventory", "-i", AnsibleLayout.inventoryScript().toString(), "--list");
      assertThat(listed.exitCode()).as(listed.describe()).isZero();
      JsonNode inventory = JSON.readTree(listed.stdout());
      assertThat(inventory.at("/_meta/hostvars/r-0002/ansible_host").asText())
          .isEqualTo("10.0.12.12");
      assertThat(hosts(inventory, "group_rack_12")).containsExactly("r-0001", "r-0002", "r-0005");

      ProcessOutcome limited =
          ansible.run(
              "ansible",
              "-i",
              AnsibleLayout.inventoryScript().toString(),
              "group_rack_12:&status_online",
              "--list-hosts");
      assertThat(limited.exitCode()).as(limited.describe()).isZero();
      assertThat(limited.stdout())
          .contains("hosts (3)", "r-0001", "r-0002", "r-0005")
          .doesNotContain("r-0003");
    }
  }

  @Test
  void aRejectedTokenIsOneClearLineAndExitCode1() throws IOException {
    try (RigApiFixture api = new RigApiFixture(rigs(), TOKEN, RigApiFixture.Paging.FROM_ZERO)) {
      ProcessOutcome outcome = script(api.url(), "wrong-token", "--list");
      assertThat(outcome.exitCode()).isEqualTo(1);
      assertThat(outcome.stdout()).isEmpty();
      assertThat(outcome.stderr().lines()).hasSize(1);
      assertThat(outcome.stderr())
          .contains("answered 401", "A valid bearer token is required.", "check OTEDAMA_TOKEN")
          .doesNotContain("Traceback");
    }
  }

  @Test
  void anUnreachableControllerIsOneClearLineAndExitCode1() {
    ProcessOutcome outcome = script("http://127.0.0.1:1", TOKEN, "--list");
    assertThat(outcome.exitCode()).isEqualTo(1);
    assertThat(outcome.stderr().lines()).hasSize(1);
    assertThat(outcome.stderr()).contains("cannot reach the controller at http://127.0.0.1:1");
  }

  @Test
  void missingSettingsAndBadArgumentsExit2WithOneLine() {
    for (ProcessOutcome outcome :
        List.of(
            script("", TOKEN, "--list"),
            script("http://127.0.0.1:1", "", "--list"),
            script("ftp://controller", TOKEN, "--list"),
            script("http://127.0.0.1:1", TOKEN, "--bogus"),
            script("http://127.0.0.1:1", TOKEN))) {
      assertThat(outcome.exitCode()).as(outcome.describe()).isEqualTo(2);
      assertThat(outcome.stderr().lines()).as(outcome.describe()).hasSize(1);
      assertThat(outcome.stderr()).startsWith("otedama_inventory: ").doesNotContain("Traceback");
    }
  }

  @Test
  void theScriptIsExecutable() {
    assertThat(Files.isExecutable(AnsibleLayout.inventoryScript())).isTrue();
  }

  private ProcessOutcome script(String url, String token, String... args) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("OTEDAMA_URL", url);
    env.put("OTEDAMA_TOKEN", token);
    env.put("OTEDAMA_INVENTORY_TIMEOUT", "5");
    List<String> command =
        new java.util.ArrayList<>(List.of(AnsibleLayout.inventoryScript().toString()));
    command.addAll(List.of(args));
    return ExternalProcess.run(scratch, Duration.ofSeconds(30), env, command);
  }

  private static List<String> hosts(JsonNode inventory, String group) {
    List<String> hosts = new java.util.ArrayList<>();
    inventory.path(group).path("hosts").forEach(h -> hosts.add(h.asText()));
    return hosts;
  }
}
