package io.otedama.controller.mqtt;

import io.dropwizard.lifecycle.Managed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller's MQTT v5 connection (Paho), built around Paho 1.2.5's pitfalls:
 *
 * <ul>
 *   <li>One global {@link MqttCallback}: {@code subscribe(topic, qos, listener)} overflows the
 *       stack, and per-subscription listeners are never called for {@code $share/} subscriptions.
 *   <li>The callback thread only hands messages over: each goes to a bounded queue per dispatch
 *       thread, chosen by rig id so one rig's messages stay in order. When a queue is full the
 *       callback waits (and counts it): backpressure reaches the broker, nothing is dropped here.
 *       The embedded broker's in-process ingest of shares and telemetry ({@link InboundQueue})
 *       enters the same queues.
 *   <li>Every (re)connect resubscribes explicitly, from another thread: the session may be gone
 *       (broker restart, expired session) even with clean start false.
 *   <li>{@link MemoryPersistence}; a raised Receive Maximum so the broker keeps many QoS 1 messages
 *       in flight towards the controller.
 *   <li>Paho reconnects automatically only after a first successful connect; until then this class
 *       retries itself, so the controller starts even while an external broker is down.
 * </ul>
 */
public final class ControllerMqttClient implements Managed, InboundQueue {

  private static final Logger log = LoggerFactory.getLogger(ControllerMqttClient.class);
  private static final long OPERATION_TIMEOUT_MS = 10_000;
  private static final int RIG_LEVEL_START = "otedama/v1/rigs/".length();

  /** A topic filter and the QoS to subscribe with. */
  public record Subscription(String filter, int qos) {}

  private final String serverUrl;
  private final String clientId;
  private final ControllerCredentials credentials;
  private final MqttConfiguration config;
  private final List<Subscription> subscriptions;
  private final InboundMessageHandler handler;
  // stamps arrivals: a message's arrival time is business time (a rig's last-seen, a share's
  // received-at), compared with the application clock's now elsewhere
  private final Clock clock;

  private final List<BlockingQueue<InboundMessage>> queues = new ArrayList<>();
  private final List<Thread> dispatchers = new ArrayList<>();
  private final Counter inboundQueueFull;
  private final Counter reconnects;
  private final Counter handlerFailures;

  private MqttAsyncClient client;
  private ScheduledExecutorService control;
  private volatile boolean running;
  private volatile boolean stopping;
  private volatile boolean subscribed;
  private final CountDownLatch firstSubscription = new CountDownLatch(1);
  private volatile Instant connectedSince;
  private volatile String lastProblem = "not connected yet";

  public ControllerMqttClient(
      String serverUrl,
      ControllerCredentials credentials,
      MqttConfiguration config,
      List<Subscription> subscriptions,
      InboundMessageHandler handler,
      MeterRegistry registry,
      Clock clock) {
    this.serverUrl = serverUrl;
    this.clock = clock;
    this.clientId = config.getClientId();
    this.credentials = credentials;
    this.config = config;
    this.subscriptions = List.copyOf(subscriptions);
    this.handler = handler;
    int threads = config.getDispatchThreads();
    int perQueue = Math.max(16, config.getInboundQueueCapacity() / threads);
    for (int i = 0; i < threads; i++) {
      queues.add(new ArrayBlockingQueue<>(perQueue));
    }
    this.inboundQueueFull =
        Counter.builder("otedama_mqtt_inbound_queue_full_total")
            .description("Inbound messages that waited for a full dispatch queue (backpressure)")
            .register(registry);
    this.reconnects =
        Counter.builder("otedama_mqtt_reconnects_total")
            .description("Reconnects of the controller's MQTT client")
            .register(registry);
    this.handlerFailures =
        Counter.builder("otedama_mqtt_dispatch_failures_total")
            .description("Inbound messages whose handler threw; the message is skipped")
            .register(registry);
    Gauge.builder("otedama_mqtt_inbound_queue_messages", queues, ControllerMqttClient::queued)
        .description("Inbound messages waiting for dispatch")
        .register(registry);
    Gauge.builder("otedama_mqtt_connected", this, c -> c.isConnected() ? 1 : 0)
        .description("1 while the controller's MQTT client is connected and subscribed")
        .register(registry);
  }

  private static double queued(List<BlockingQueue<InboundMessage>> queues) {
    int total = 0;
    for (BlockingQueue<InboundMessage> queue : queues) {
      total += queue.size();
    }
    return total;
  }

  public String serverUrl() {
    return serverUrl;
  }

  /** Connected and subscribed. */
  public boolean isConnected() {
    MqttAsyncClient c = client;
    return c != null && c.isConnected() && subscribed;
  }

  public Instant connectedSince() {
    return connectedSince;
  }

  /** Why the client is not connected (or the last trouble it had), for the health check. */
  public String lastProblem() {
    return lastProblem;
  }

  @Override
  public synchronized void start() throws MqttException {
    if (running) {
      return;
    }
    running = true;
    stopping = false;
    for (int i = 0; i < queues.size(); i++) {
      BlockingQueue<InboundMessage> queue = queues.get(i);
      Thread t = new Thread(() -> dispatch(queue), "mqtt-dispatch-" + i);
      t.setDaemon(true);
      t.start();
      dispatchers.add(t);
    }
    control =
        Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "mqtt-control");
          t.setDaemon(true);
          return t;
        });
    client = new MqttAsyncClient(serverUrl, clientId, new MemoryPersistence());
    client.setCallback(new Callback());
    try {
      client.connect(connectionOptions()).waitForCompletion(OPERATION_TIMEOUT_MS);
    } catch (MqttException e) {
      lastProblem = "cannot connect to " + serverUrl + ": " + e.getMessage();
      log.warn("MQTT: {}; retrying in the background", lastProblem);
      scheduleFirstConnect(Duration.ofSeconds(1));
      return;
    }
    // started means subscribed, so nothing published right after start is missed
    try {
      if (!firstSubscription.await(OPERATION_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
        log.warn("MQTT: not subscribed yet after {} ms; continuing", OPERATION_TIMEOUT_MS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Disconnects, then lets the dispatch threads finish what is queued (the telemetry writer stops
   * after this, so those rows still reach the database).
   */
  @Override
  public synchronized void stop() throws InterruptedException {
    if (!running) {
      return;
    }
    stopping = true;
    running = false;
    control.shutdownNow();
    try {
      if (client.isConnected()) {
        client.disconnect(2_000).waitForCompletion(OPERATION_TIMEOUT_MS);
      }
    } catch (MqttException e) {
      log.debug("MQTT disconnect: {}", e.toString());
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      log.debug("MQTT close: {}", e.toString());
    }
    for (Thread t : dispatchers) {
      t.join(TimeUnit.SECONDS.toMillis(30));
      if (t.isAlive()) {
        t.interrupt();
      }
    }
    dispatchers.clear();
  }

  /**
   * Publishes without waiting for the broker (safe on any thread but Paho's own callback thread is
   * never used by this class). When Paho's in-flight window is full it waits briefly for room.
   *
   * @throws MqttException when not connected or the window stays full
   */
  public IMqttToken publish(
      String topic, byte[] payload, int qos, boolean retained, MqttProperties properties)
      throws MqttException {
    MqttAsyncClient c = client;
    if (c == null || !c.isConnected()) {
      throw new MqttException(MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED);
    }
    MqttMessage message =
        new MqttMessage(
            payload, qos, retained, properties == null ? new MqttProperties() : properties);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (true) {
      try {
        return c.publish(topic, message);
      } catch (MqttException e) {
        if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT
            || System.nanoTime() > deadline) {
          throw e;
        }
        try {
          Thread.sleep(5);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private MqttConnectionOptions connectionOptions() {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setUserName(credentials.username());
    options.setPassword(credentials.password());
    options.setCleanStart(false);
    options.setSessionExpiryInterval(config.getSessionExpirySeconds());
    options.setKeepAliveInterval(config.getKeepAliveSeconds());
    options.setConnectionTimeout(10);
    options.setAutomaticReconnect(true);
    options.setAutomaticReconnectDelay(1, 30);
    options.setReceiveMaximum(config.getReceiveMaximum());
    if (serverUrl.startsWith("tcp://")) {
      options.setSocketFactory(new io.otedama.protocol.transport.NoDelaySocketFactory());
    }
    return options;
  }

  private void scheduleFirstConnect(Duration delay) {
    control.schedule(
        () -> {
          if (!running || client.isConnected()) {
            return;
          }
          try {
            client.connect(connectionOptions()).waitForCompletion(OPERATION_TIMEOUT_MS);
          } catch (MqttException e) {
            lastProblem = "cannot connect to " + serverUrl + ": " + e.getMessage();
            Duration next = delay.multipliedBy(2);
            scheduleFirstConnect(next.getSeconds() > 30 ? Duration.ofSeconds(30) : next);
          }
        },
        delay.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void subscribeAll() {
    if (!running || !client.isConnected()) {
      return;
    }
    MqttSubscription[] subs = new MqttSubscription[subscriptions.size()];
    for (int i = 0; i < subs.length; i++) {
      subs[i] = new MqttSubscription(subscriptions.get(i).filter(), subscriptions.get(i).qos());
    }
    try {
      client.subscribe(
          subs,
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              int[] codes = token.getReasonCodes();
              List<String> refused = new ArrayList<>();
              for (int i = 0; codes != null && i < codes.length && i < subs.length; i++) {
                if (codes[i] >= 0x80) {
                  refused.add(subs[i].getTopic() + " (0x" + Integer.toHexString(codes[i]) + ")");
                }
              }
              if (refused.isEmpty()) {
                subscribed = true;
                firstSubscription.countDown();
                log.info("MQTT: subscribed to {} filters on {}", subs.length, serverUrl);
              } else {
                lastProblem = "the broker refused subscriptions " + refused;
                log.error("MQTT: {}", lastProblem);
              }
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
              lastProblem = "subscribing failed: " + e;
              log.warn("MQTT: {}; retrying", lastProblem);
              control.schedule(ControllerMqttClient.this::subscribeAll, 1, TimeUnit.SECONDS);
            }
          },
          new MqttProperties());
    } catch (MqttException e) {
      lastProblem = "subscribing failed: " + e.getMessage();
      log.warn("MQTT: {}; retrying", lastProblem);
      control.schedule(this::subscribeAll, 1, TimeUnit.SECONDS);
    }
  }

  private void dispatch(BlockingQueue<InboundMessage> queue) {
    while (running || !queue.isEmpty()) {
      InboundMessage message;
      try {
        message = queue.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (message == null) {
        continue;
      }
      try {
        handler.handle(message);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        handlerFailures.increment();
        log.error("MQTT: handling a message on {} failed", message.topic(), e);
      }
    }
  }

  /**
   * Hands a message to its rig's dispatch queue without waiting: the subscription's callback and
   * the embedded broker's in-process ingest ({@code RigPublishIngest}) both enter here, so a rig's
   * messages of one path stay in order. False (and counted in {@code
   * otedama_mqtt_inbound_queue_full_total}) when the queue is full: then {@link #put} waits.
   */
  @Override
  public boolean offer(InboundMessage message) {
    if (stopping) {
      return false;
    }
    if (queueFor(message.topic()).offer(message)) {
      return true;
    }
    inboundQueueFull.increment();
    return false;
  }

  /**
   * Hands a message to its rig's dispatch queue, waiting for room (backpressure).
   *
   * @throws IllegalStateException once the client is stopping: the dispatchers drain what is queued
   *     and take nothing more
   */
  @Override
  public void put(InboundMessage message) throws InterruptedException {
    BlockingQueue<InboundMessage> queue = queueFor(message.topic());
    while (!queue.offer(message, 100, TimeUnit.MILLISECONDS)) {
      if (stopping) {
        throw new IllegalStateException("the controller's MQTT client is stopping");
      }
    }
  }

  /** Same rig, same queue: the rig id is the fourth topic level. */
  private BlockingQueue<InboundMessage> queueFor(String topic) {
    if (queues.size() == 1) {
      return queues.get(0);
    }
    int end = topic.indexOf('/', RIG_LEVEL_START);
    int hash = 0;
    for (int i = RIG_LEVEL_START; i < (end < 0 ? topic.length() : end); i++) {
      hash = 31 * hash + topic.charAt(i);
    }
    return queues.get(Math.floorMod(hash, queues.size()));
  }

  private final class Callback implements MqttCallback {

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      connectedSince = Instant.now();
      lastProblem = null;
      if (reconnect) {
        reconnects.increment();
        log.info("MQTT: reconnected to {}", serverUri);
      } else {
        log.info("MQTT: connected to {} as {}", serverUri, clientId);
      }
      subscribed = false;
      // never subscribe on Paho's callback thread
      control.execute(ControllerMqttClient.this::subscribeAll);
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
      subscribed = false;
      connectedSince = null;
      lastProblem = "disconnected: " + response;
      if (running) {
        log.warn("MQTT: {}", lastProblem);
      }
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
      lastProblem = "MQTT error: " + exception.getMessage();
      log.warn("MQTT: {}", lastProblem);
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
      MqttProperties properties = message.getProperties();
      InboundMessage inbound =
          new InboundMessage(
              topic,
              message.getPayload(),
              message.isRetained(),
              properties == null ? null : properties.getCorrelationData(),
              clock.millis(),
              System.nanoTime());
      if (!offer(inbound)) {
        put(inbound);
      }
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
