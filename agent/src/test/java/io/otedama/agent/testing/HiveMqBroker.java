package io.otedama.agent.testing;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import io.otedama.protocol.topic.TopicAcl;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real HiveMQ CE broker embedded in the test, with a security extension like the controller's:
 * logins from {@link BrokerAccounts}, a rig's client id must be its user name, a rig may publish
 * and subscribe only under its own subtree ({@link TopicAcl}). In-memory persistence, so a {@link
 * #restart} loses every session like a real broker restart without persistence.
 */
public final class HiveMqBroker implements AutoCloseable {
  private final Path dir;
  private final int port;
  private final BrokerAccounts accounts;
  private EmbeddedHiveMQ hivemq;
  private static HiveMqBroker shared;

  private HiveMqBroker(Path dir, int port, BrokerAccounts accounts) {
    this.dir = dir;
    this.port = port;
    this.accounts = accounts;
  }

  public static HiveMqBroker start(Path dir, BrokerAccounts accounts) throws Exception {
    HiveMqBroker broker = new HiveMqBroker(dir, FreePort.find(), accounts);
    broker.startBroker();
    return broker;
  }

  /**
   * One broker for every test class of this JVM (started on first use, stopped when the JVM exits):
   * a HiveMQ start costs seconds, and test classes run one after another. Classes keep to rig ids
   * of their own, so they share {@link #accounts()} too. A class may {@link #restart} it.
   */
  public static synchronized HiveMqBroker shared() throws Exception {
    if (shared == null) {
      Path dir = Files.createTempDirectory("otedama-hivemq-");
      HiveMqBroker broker = new HiveMqBroker(dir, FreePort.find(), new BrokerAccounts());
      broker.startBroker();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(() -> {
                try {
                  broker.stop();
                } catch (Exception e) {
                  // the JVM is going away: nothing to report to
                }
                deleteTree(dir);
              }));
      shared = broker;
    }
    return shared;
  }

  private static void deleteTree(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException e) {
      // a temp dir left behind
    }
  }

  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public BrokerAccounts accounts() {
    return accounts;
  }

  public synchronized void stop() throws Exception {
    if (hivemq != null) {
      hivemq.stop().get(60, TimeUnit.SECONDS);
      hivemq.close();
      hivemq = null;
    }
  }

  public synchronized void restart() throws Exception {
    stop();
    startBroker();
  }

  public synchronized void startBroker() throws Exception {
    Path conf = Files.createDirectories(dir.resolve("conf"));
    Path data = Files.createDirectories(dir.resolve("data"));
    Path extensions = Files.createDirectories(dir.resolve("extensions"));
    Files.writeString(
        conf.resolve("config.xml"),
        """
        <?xml version="1.0"?>
        <hivemq>
            <listeners>
                <tcp-listener>
                    <port>%d</port>
                    <bind-address>127.0.0.1</bind-address>
                </tcp-listener>
            </listeners>
            <persistence><mode>in-memory</mode></persistence>
            <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
        </hivemq>
        """
            .formatted(port));
    EmbeddedExtension security =
        EmbeddedExtension.builder()
            .withId("test-security")
            .withName("test security")
            .withVersion("1")
            .withPriority(1000)
            .withStartPriority(1000)
            .withExtensionMain(new Security(accounts))
            .build();
    EmbeddedHiveMQ broker =
        EmbeddedHiveMQ.builder()
            .withConfigurationFolder(conf)
            .withDataFolder(data)
            .withExtensionsFolder(extensions)
            .withEmbeddedExtension(security)
            .build();
    broker.start().get(120, TimeUnit.SECONDS);
    hivemq = broker;
  }

  @Override
  public void close() throws Exception {
    stop();
  }

  private static final class Security
      implements ExtensionMain, SimpleAuthenticator, PublishAuthorizer, SubscriptionAuthorizer {
    private final BrokerAccounts accounts;

    Security(BrokerAccounts accounts) {
      this.accounts = accounts;
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
      Services.securityRegistry().setAuthenticatorProvider(i -> this);
      Services.securityRegistry().setAuthorizerProvider(i -> this);
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {}

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
      var connect = input.getConnectPacket();
      String user = connect.getUserName().orElse(null);
      String password = connect.getPassword().map(HiveMqBroker::text).orElse(null);
      if (!accounts.matches(user, password)) {
        output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "bad login");
      } else if (!BrokerAccounts.CONTROLLER.equals(user) && !user.equals(connect.getClientId())) {
        output.failAuthentication(ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID, "client id");
      } else {
        output.authenticateSuccessfully();
      }
    }

    @Override
    public void authorizePublish(PublishAuthorizerInput input, PublishAuthorizerOutput output) {
      String client = input.getClientInformation().getClientId();
      if (client.startsWith(BrokerAccounts.CONTROLLER)
          || TopicAcl.mayPublish(client, input.getPublishPacket().getTopic())) {
        output.authorizeSuccessfully();
      } else {
        output.failAuthorization(AckReasonCode.NOT_AUTHORIZED, "not your subtree");
      }
    }

    @Override
    public void authorizeSubscribe(
        SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
      String client = input.getClientInformation().getClientId();
      if (client.startsWith(BrokerAccounts.CONTROLLER)
          || TopicAcl.maySubscribe(client, input.getSubscription().getTopicFilter())) {
        output.authorizeSuccessfully();
      } else {
        output.failAuthorization(SubackReasonCode.NOT_AUTHORIZED, "not your subtree");
      }
    }
  }

  private static String text(ByteBuffer buffer) {
    ByteBuffer copy = buffer.asReadOnlyBuffer();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
