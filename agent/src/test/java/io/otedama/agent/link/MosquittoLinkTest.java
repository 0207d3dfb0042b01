package io.otedama.agent.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.otedama.agent.testing.BrokerAccounts;
import io.otedama.agent.testing.ControllerProbe;
import io.otedama.agent.testing.CuttableProxy;
import io.otedama.agent.testing.MosquittoBroker;
import io.otedama.protocol.codec.MessageCodec;
import io.otedama.protocol.message.BirthMessage;
import io.otedama.protocol.message.RigState;
import io.otedama.protocol.message.StatusMessage;
import io.otedama.protocol.topic.TopicKind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link against Mosquitto 2 with a password file and per-rig ACL: Will, reconnect, restart. */
class MosquittoLinkTest {
  @TempDir Path dir;

  @Test
  void theWillFiresOnACutAndTheLinkComesBackAfterABrokerRestart() throws Exception {
    BrokerAccounts accounts = new BrokerAccounts();
    accounts.put("rig-mq", "mq-secret");
    ThreadPerTaskScheduler scheduler = ThreadPerTaskScheduler.create("mosquitto-test");
    MqttLinkTest.RecordingHandler handler = new MqttLinkTest.RecordingHandler();
    AtomicLong seq = new AtomicLong();
    try (MosquittoBroker mosquitto = MosquittoBroker.start(dir.resolve("mosquitto"), accounts);
        CuttableProxy proxy = new CuttableProxy(mosquitto.port());
        ControllerProbe probe = new ControllerProbe(mosquitto.url())) {
      MqttLink link =
          new MqttLink(
              new LinkSettings(
                  URI.create(proxy.url()),
                  "rig-mq",
                  "rig-mq",
                  "mq-secret",
                  Duration.ofSeconds(10),
                  Duration.ofMinutes(5),
                  Duration.ofSeconds(5),
                  Duration.ofMillis(200),
                  Duration.ofSeconds(1),
                  null),
              handler,
              new MessageCodec(),
              seq::incrementAndGet,
              Clock.systemUTC(),
              new Random(2),
              scheduler,
              scheduler.threadFactory());
      try {
        link.start();
        await().atMost(Duration.ofSeconds(20)).until(link::isConnected);
        await().until(() -> last(probe) == RigState.ONLINE);

        proxy.cut();
        await().atMost(Duration.ofSeconds(30)).until(() -> last(probe) == RigState.OFFLINE);
        List<StatusMessage> statuses = probe.from("rig-mq", TopicKind.STATUS);
        assertThat(statuses.get(statuses.size() - 1).reason()).isEqualTo("connection lost");
        proxy.restore();
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> probe.from("rig-mq", TopicKind.BIRTH).size() == 2);

        // no persistence: the restarted Mosquitto has forgotten the session and subscriptions
        mosquitto.restart();
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> link.connects() >= 3 && link.isConnected());
        // the stand-in controller connects afresh: Paho 1.2.5's automatic reconnect of the old
        // probe sometimes stays stuck in "connect already in progress" after the restart, and
        // the probe's reconnect is not what this test is about (the link's is)
        try (ControllerProbe controller = new ControllerProbe(mosquitto.url())) {
          controller.publishRaw(
              "otedama/v1/rigs/rig-mq/work", "{}".getBytes(StandardCharsets.UTF_8), true, null);
          await().until(() -> handler.messages.stream().anyMatch(m -> m.startsWith("WORK")));
        }
        BirthMessage birth = probe.<BirthMessage>from("rig-mq", TopicKind.BIRTH).get(0);
        assertThat(birth.hardware().hardwareId()).isEqualTo("hw-1");
      } finally {
        link.close();
        scheduler.shutdownNow();
      }
    }
  }

  private static RigState last(ControllerProbe probe) {
    List<StatusMessage> statuses = probe.from("rig-mq", TopicKind.STATUS);
    return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1).state();
  }
}
