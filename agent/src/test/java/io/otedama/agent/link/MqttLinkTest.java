package io.otedama.agent.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.otedama.agent.testing.BrokerAccounts;
import io.otedama.agent.testing.ControllerProbe;
import io.otedama.agent.testing.CuttableProxy;
import io.otedama.agent.testing.HiveMqBroker;
import io.otedama.protocol.codec.MessageCodec;
import io.otedama.protocol.message.BirthMessage;
import io.otedama.protocol.message.CommandMessage;
import io.otedama.protocol.message.HardwareIdentity;
import io.otedama.protocol.message.RigState;
import io.otedama.protocol.message.StatusMessage;
import io.otedama.protocol.topic.TopicKind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The MQTT link against a real HiveMQ with per-rig logins and ACL, through a cuttable proxy. */
class MqttLinkTest {
  static BrokerAccounts accounts;
  static HiveMqBroker broker;
  static ThreadPerTaskScheduler scheduler = ThreadPerTaskScheduler.create("test-paho");

  ControllerProbe probe;
  CuttableProxy proxy;
  MqttLink link;
  final RecordingHandler handler = new RecordingHandler();
  final AtomicLong seq = new AtomicLong();

  @BeforeAll
  static void startBroker() throws Exception {
    broker = HiveMqBroker.shared();
    accounts = broker.accounts();
  }

  @AfterAll
  static void stopScheduler() {
    scheduler.shutdownNow();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (link != null) {
      link.close();
    }
    if (probe != null) {
      probe.close();
    }
    if (proxy != null) {
      proxy.close();
    }
  }

  static final class RecordingHandler implements LinkHandler {
    final List<String> messages = new CopyOnWriteArrayList<>();
    final List<String> disconnects = new CopyOnWriteArrayList<>();
    final AtomicLong connects = new AtomicLong();

    @Override
    public BirthMessage birth(long seq) {
      return new BirthMessage(
          System.currentTimeMillis(),
          seq,
          "test",
          new HardwareIdentity("hw-1", null, null, null, null),
          List.of(),
          List.of("spool"),
          null);
    }

    @Override
    public void onConnected(boolean sessionPresent) {
      connects.incrementAndGet();
    }

    @Override
    public void onDisconnected(String reason) {
      disconnects.add(reason);
    }

    @Override
    public void onMessage(TopicKind kind, byte[] payload, byte[] correlation, boolean retained) {
      messages.add(
          kind
              + " "
              + new String(payload, StandardCharsets.UTF_8)
              + (correlation == null
                  ? ""
                  : " corr=" + new String(correlation, StandardCharsets.UTF_8)));
    }
  }

  MqttLink link(String rigId, String password, String url) {
    accounts.put(rigId, "secret-" + rigId);
    LinkSettings settings =
        new LinkSettings(
            URI.create(url),
            rigId,
            rigId,
            password,
            Duration.ofSeconds(10),
            Duration.ofMinutes(5),
            Duration.ofSeconds(5),
            Duration.ofMillis(200),
            Duration.ofSeconds(1),
            null);
    return new MqttLink(
        settings,
        handler,
        new MessageCodec(),
        seq::incrementAndGet,
        Clock.systemUTC(),
        new Random(1),
        scheduler,
        scheduler.threadFactory());
  }

  @Test
  void connectsWithBirthAndOnlineStatusAndTheWillFiresWhenTheNetworkIsCut() throws Exception {
    probe = new ControllerProbe(broker.url());
    proxy = new CuttableProxy(broker.port());
    link = link("rig-a", "secret-rig-a", proxy.url());
    link.start();

    await().atMost(Duration.ofSeconds(20)).until(link::isConnected);
    await().until(() -> probe.from("rig-a", TopicKind.BIRTH).size() == 1);
    BirthMessage birth = probe.<BirthMessage>from("rig-a", TopicKind.BIRTH).get(0);
    assertThat(birth.seq()).isEqualTo(1);
    await().until(() -> !probe.from("rig-a", TopicKind.STATUS).isEmpty());
    StatusMessage online = probe.<StatusMessage>from("rig-a", TopicKind.STATUS).get(0);
    assertThat(online.state()).isEqualTo(RigState.ONLINE);
    assertThat(online.seq()).isEqualTo(1);

    proxy.cut();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> lastStatus("rig-a").state() == RigState.OFFLINE);
    StatusMessage will = lastStatus("rig-a");
    assertThat(will.reason()).isEqualTo("connection lost");
    assertThat(will.seq()).isEqualTo(1);
    await().until(() -> !link.isConnected());

    proxy.restore();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> probe.from("rig-a", TopicKind.BIRTH).size() == 2);
    // every attempt takes a number (its Last Will carries it), so refused attempts leave gaps
    long secondSeq = probe.<BirthMessage>from("rig-a", TopicKind.BIRTH).get(1).seq();
    assertThat(secondSeq).isGreaterThan(1);
    await().until(() -> lastStatus("rig-a").state() == RigState.ONLINE);
    assertThat(lastStatus("rig-a").seq()).isEqualTo(secondSeq);
    assertThat(link.connects()).isEqualTo(2);
    assertThat(handler.connects.get()).isEqualTo(2);
    assertThat(handler.disconnects).isNotEmpty();

    // subscribed again: a command reaches the rig with its correlation data
    probe.publishCommand(
        "rig-a",
        new CommandMessage(
            System.currentTimeMillis(), "c1", "blink-led", Map.of(), 0, Long.MAX_VALUE / 2));
    await()
        .until(() ->
            handler.messages.stream().anyMatch(m -> m.startsWith("CMD") && m.endsWith("corr=c1")));
  }

  @Test
  void aCleanCloseLeavesARetainedOfflineStatusSayingShutdown() throws Exception {
    probe = new ControllerProbe(broker.url());
    link = link("rig-c", "secret-rig-c", broker.url());
    link.start();
    await().atMost(Duration.ofSeconds(20)).until(link::isConnected);
    link.close();
    await().until(() -> lastStatus("rig-c").state() == RigState.OFFLINE);
    assertThat(lastStatus("rig-c").reason()).isEqualTo("shutdown");
    assertThat(link.state()).isEqualTo(LinkState.CLOSED);
    link = null;
  }

  @Test
  void aWrongPasswordKeepsRetryingWithTheBrokersReason() {
    link = link("rig-d", "wrong", broker.url());
    link.start();
    await().atMost(Duration.ofSeconds(20)).until(() -> link.connectFailures() >= 3);
    assertThat(link.isConnected()).isFalse();
    assertThat(link.lastError()).containsIgnoringCase("password");
  }

  StatusMessage lastStatus(String rigId) {
    List<StatusMessage> statuses = probe.from(rigId, TopicKind.STATUS);
    return statuses.isEmpty()
        ? new StatusMessage(0, RigState.ONLINE, null, null)
        : statuses.get(statuses.size() - 1);
  }
}
