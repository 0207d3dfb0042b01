package io.otedama.controller.mqtt.mosquitto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.otedama.controller.mqtt.ControllerCredentials;
import io.otedama.controller.testing.MosquittoProcess;
import io.otedama.controller.testing.TestDatabase;
import io.otedama.controller.testing.TestMqttClient;
import io.otedama.controller.testing.TestMqttClient.Received;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated password and ACL files, loaded by a real Mosquitto: the same rules as the embedded
 * broker (no anonymous clients, wrong passwords refused, each rig confined to its own subtree).
 */
class MosquittoAuthFilesTest {

  private static final int NOT_AUTHORIZED = 0x87;

  @TempDir static Path dir;

  static DataSource database;
  static ControllerCredentials controller = ControllerCredentials.generated("otedama-controller");
  static MosquittoCredentialStore store;
  static MosquittoAuthFiles files;
  static MosquittoProcess mosquitto;

  @BeforeAll
  static void start() throws Exception {
    database = TestDatabase.newMigratedDatabase();
    store = new MosquittoCredentialStore(database);
    insertRig("rig-a");
    insertRig("rig-b");
    assertThat(store.store("rig-a", bytes("secret-a"))).isTrue();
    assertThat(store.store("rig-b", bytes("secret-b"))).isTrue();

    MosquittoFilesConfiguration config = new MosquittoFilesConfiguration();
    config.setPasswordFile(dir.resolve("mosquitto/passwd"));
    config.setAclFile(dir.resolve("mosquitto/acl"));
    // Mosquitto must exist before the files' reload command can point at it: write once first.
    new MosquittoAuthFiles(store, controller, config).refresh();
    mosquitto = MosquittoProcess.start(dir, config.getPasswordFile(), config.getAclFile());
    config.setReloadCommand(mosquitto.reloadCommand());
    files = new MosquittoAuthFiles(store, controller, config);
  }

  @AfterAll
  static void stop() throws Exception {
    if (mosquitto != null) {
      mosquitto.close();
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void insertRig(String id) throws Exception {
    try (Connection c = database.getConnection();
        PreparedStatement insert =
            c.prepareStatement("INSERT INTO rigs (id, name, hardware_id) VALUES (?, ?, ?)")) {
      insert.setString(1, id);
      insert.setString(2, id);
      insert.setString(3, "hw-" + id);
      insert.executeUpdate();
    }
  }

  private static TestMqttClient controllerClient(String clientId) throws MqttException {
    return TestMqttClient.connect(
        mosquitto.url(),
        clientId,
        controller.username(),
        new String(controller.password(), StandardCharsets.US_ASCII));
  }

  @Test
  void writesMosquittoFormatFiles() throws Exception {
    String passwd = Files.readString(dir.resolve("mosquitto/passwd"));
    assertThat(passwd.lines())
        .hasSize(3)
        .anySatisfy(l -> assertThat(l).startsWith("otedama-controller:$7$101$"))
        .anySatisfy(l -> assertThat(l).startsWith("rig-a:$7$101$"))
        .anySatisfy(l -> assertThat(l).startsWith("rig-b:$7$101$"));
    assertThat(Files.readString(dir.resolve("mosquitto/acl")))
        .contains("user otedama-controller\ntopic readwrite #")
        .contains("pattern read otedama/v1/rigs/%u/#")
        .contains("pattern write otedama/v1/rigs/%u/telemetry")
        .contains("pattern write otedama/v1/rigs/%u/cmd/result")
        .doesNotContain("pattern write otedama/v1/rigs/%u/cmd\n")
        .doesNotContain("pattern write otedama/v1/rigs/%u/work");
    assertThat(files.refresh()).as("nothing changed, nothing rewritten").isFalse();
  }

  @Test
  void refusesAnonymousAndWrongPasswords() {
    assertThatThrownBy(() -> TestMqttClient.connect(mosquitto.url(), "anon", null, null))
        .isInstanceOf(MqttException.class);
    assertThatThrownBy(() -> TestMqttClient.connect(mosquitto.url(), "rig-a", "rig-a", "secret-b"))
        .isInstanceOf(MqttException.class);
    assertThatThrownBy(
            () -> TestMqttClient.connect(mosquitto.url(), "c", controller.username(), "wrong"))
        .isInstanceOf(MqttException.class);
  }

  @Test
  void confinesEachRigToItsOwnSubtree() throws Exception {
    try (TestMqttClient observer = controllerClient("observer-m1");
        TestMqttClient rigA =
            TestMqttClient.connect(mosquitto.url(), "rig-a", "rig-a", "secret-a")) {
      // the controller's shared subscription passes the ACL too
      assertThat(observer.subscribe("$share/otedama/otedama/v1/rigs/+/telemetry", 1))
          .containsExactly(1);

      int[] foreign = rigA.publish("otedama/v1/rigs/rig-b/telemetry", "{\"forged\":1}", 1, false);
      assertThat(foreign).containsExactly(NOT_AUTHORIZED);
      assertThat(rigA.publish("otedama/v1/rigs/rig-a/telemetry", "{\"own\":1}", 1, false))
          .containsExactly(0);

      Received received = observer.poll(Duration.ofSeconds(10));
      assertThat(received).isNotNull();
      assertThat(received.topic()).isEqualTo("otedama/v1/rigs/rig-a/telemetry");
      assertThat(observer.poll(Duration.ofMillis(300))).as("the forged message").isNull();
    }
  }

  /**
   * Mosquitto's acl_file grants every SUBSCRIBE and applies "read" access to each message it would
   * deliver: a rig subscribed to another rig's topics receives nothing from them.
   */
  @Test
  void aRigReceivesNothingFromAnotherRigsTopics() throws Exception {
    try (TestMqttClient controllerClient = controllerClient("observer-m2");
        TestMqttClient rigA =
            TestMqttClient.connect(mosquitto.url(), "rig-a", "rig-a", "secret-a")) {
      rigA.subscribe("otedama/v1/rigs/rig-b/cmd", 1);
      rigA.subscribe("otedama/v1/rigs/+/cmd", 1);
      rigA.subscribe("otedama/v1/rigs/rig-a/cmd", 1);

      controllerClient.publish("otedama/v1/rigs/rig-b/cmd", "{\"for\":\"b\"}", 1, false);
      controllerClient.publish("otedama/v1/rigs/rig-a/cmd", "{\"for\":\"a\"}", 1, false);

      Received own = rigA.poll(Duration.ofSeconds(10));
      assertThat(own).isNotNull();
      assertThat(own.topic()).isEqualTo("otedama/v1/rigs/rig-a/cmd");
      assertThat(own.text()).contains("\"a\"");
      assertThat(rigA.poll(Duration.ofMillis(300)))
          .as("a copy for one of its subscriptions")
          .satisfiesAnyOf(
              r -> assertThat(r).isNull(),
              r -> assertThat(r.topic()).isEqualTo("otedama/v1/rigs/rig-a/cmd"));
      assertThat(rigA.received()).allSatisfy(r -> assertThat(r.text()).doesNotContain("\"b\""));
    }
  }

  @Test
  void aNewlyEnrolledRigGetsInAfterTheReload() throws Exception {
    insertRig("rig-c");
    assertThatThrownBy(() -> TestMqttClient.connect(mosquitto.url(), "rig-c", "rig-c", "secret-c"))
        .isInstanceOf(MqttException.class);

    store.store("rig-c", bytes("secret-c"));
    assertThat(files.refresh()).isTrue();

    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptionsInstanceOf(MqttException.class)
        .untilAsserted(() -> {
          try (TestMqttClient rigC =
              TestMqttClient.connect(mosquitto.url(), "rig-c", "rig-c", "secret-c")) {
            // 0x10 "no matching subscribers": accepted (anything below 0x80 is a success)
            int[] codes = rigC.publish("otedama/v1/rigs/rig-c/status", "{}", 1, false);
            assertThat(codes).hasSize(1);
            assertThat(codes[0]).isLessThan(0x80);
          }
        });
  }
}
