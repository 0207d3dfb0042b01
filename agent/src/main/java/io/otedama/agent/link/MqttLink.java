package io.otedama.agent.link;

import io.otedama.protocol.codec.MessageCodec;
import io.otedama.protocol.message.BirthMessage;
import io.otedama.protocol.message.RigState;
import io.otedama.protocol.message.StatusMessage;
import io.otedama.protocol.topic.TopicKind;
import io.otedama.protocol.topic.Topics;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * One rig's MQTT session (Paho v5): connects with clean start off and the rig id as client id, so
 * the broker keeps its session; sets the Last Will (retained {@code offline} status); after every
 * connect subscribes to {@code work} and {@code cmd}, publishes the birth and a retained {@code
 * online} status, then tells the {@link LinkHandler}.
 *
 * <p>Reconnecting is this class's own loop on its own thread, not Paho's automatic reconnect (which
 * waits a fixed, doubling delay that a whole fleet shares): the waits are {@link ReconnectBackoff}
 * with full jitter, and everything after a connect happens here, never on Paho's callback thread.
 * Incoming messages are dispatched from the one global callback; no per-subscription listeners
 * (Paho 1.2.5's {@code subscribe(topic, qos, listener)} recurses into a stack overflow).
 *
 * <p>Every connection attempt after the first gets a fresh Paho client (same client id, so the
 * broker's session and the commands queued in it carry over). Paho 1.2.5 replaces the topic of a
 * QoS 1 message with a topic alias once a topic has one, and re-sends its unacknowledged messages
 * on the next connection in that form; a broker that lost the session (a restart: the controller's
 * embedded broker) cannot map the alias and disconnects with 0x94, again on every reconnect, for
 * good. So what was in flight dies with the connection: its publish futures fail at once, and the
 * agent's outbox, which keeps every message until it is acknowledged, sends it again.
 */
public final class MqttLink implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(MqttLink.class.getName());

  private final LinkSettings settings;
  private final LinkHandler handler;
  private final MessageCodec codec;
  private final LongSupplier birthSeq;
  private final Clock clock;
  private final ReconnectBackoff backoff;
  private final ThreadFactory loopThreads;
  private final ScheduledExecutorService pahoExecutor;
  private final java.util.Set<CompletableFuture<Void>> inFlight =
      java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile MqttAsyncClient client;
  private boolean attempted;
  private final String statusTopic;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final AtomicLong connects = new AtomicLong();
  private final AtomicLong connectFailures = new AtomicLong();

  private volatile LinkState state = LinkState.NEW;
  private volatile String lastError;
  private volatile long sessionSeq = -1;
  private volatile int serverReceiveMaximum = 65_535;
  private boolean lost;
  private boolean closing;
  private boolean held;
  private Thread loop;

  /**
   * @param pahoExecutor shared by all links of the process (see {@link ThreadPerTaskScheduler})
   * @param loopThreads makes this link's reconnect loop thread
   * @param birthSeq the next birth sequence number (persisted by the caller)
   */
  public MqttLink(
      LinkSettings settings,
      LinkHandler handler,
      MessageCodec codec,
      LongSupplier birthSeq,
      Clock clock,
      RandomGenerator random,
      ScheduledExecutorService pahoExecutor,
      ThreadFactory loopThreads) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.codec = Objects.requireNonNull(codec, "codec");
    this.birthSeq = Objects.requireNonNull(birthSeq, "birthSeq");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.backoff = new ReconnectBackoff(settings.reconnectMin(), settings.reconnectMax(), random);
    this.loopThreads = Objects.requireNonNull(loopThreads, "loopThreads");
    this.statusTopic = Topics.topic(settings.rigId(), TopicKind.STATUS);
    this.pahoExecutor = Objects.requireNonNull(pahoExecutor, "pahoExecutor");
    this.client = newClient();
  }

  /** A Paho client for one connection; what must survive a restart is in the agent's spool. */
  private MqttAsyncClient newClient() {
    MqttAsyncClient created;
    try {
      created =
          new MqttAsyncClient(
              settings.pahoUrl(), settings.rigId(), new MemoryPersistence(), null, pahoExecutor);
    } catch (MqttException e) {
      throw new IllegalArgumentException(
          "cannot create an MQTT client for " + settings.pahoUrl() + ": " + e.getMessage(), e);
    }
    created.setCallback(new Callback(created));
    return created;
  }

  /** Drops the previous connection's client and whatever it still had in flight. */
  private void replaceClient() {
    MqttAsyncClient old = client;
    client = newClient();
    try {
      if (old.isConnected()) {
        old.disconnectForcibly(0, 1000, false);
      }
    } catch (MqttException e) {
      LOG.log(Level.DEBUG, "dropping the old connection of {0}: {1}", settings.rigId(), e);
    }
    try {
      old.close(true);
    } catch (MqttException e) {
      LOG.log(Level.DEBUG, "closing the old MQTT client of {0}: {1}", settings.rigId(), e);
    }
    failInFlight("the connection was replaced");
  }

  private void failInFlight(String reason) {
    for (CompletableFuture<Void> f : inFlight) {
      f.completeExceptionally(new IllegalStateException(reason));
    }
    inFlight.clear();
  }

  /** Starts connecting in the background; returns at once. */
  public void start() {
    lock.lock();
    try {
      if (loop != null) {
        return;
      }
      loop = loopThreads.newThread(this::run);
      state = LinkState.CONNECTING;
      loop.start();
    } finally {
      lock.unlock();
    }
  }

  public LinkState state() {
    return state;
  }

  public boolean isConnected() {
    return state == LinkState.CONNECTED && client.isConnected();
  }

  /**
   * How many QoS 1 messages may be unacknowledged at once on this connection: the broker's Receive
   * Maximum from its CONNACK (HiveMQ says 10 by default); Paho refuses publishes beyond it.
   */
  public int maxInFlight() {
    return serverReceiveMaximum;
  }

  /** Successful connects so far (the first one included). */
  public long connects() {
    return connects.get();
  }

  /** Failed connect attempts so far. */
  public long connectFailures() {
    return connectFailures.get();
  }

  /** Why the last attempt failed or the connection was lost, or null. */
  public String lastError() {
    return lastError;
  }

  /**
   * Publishes on one of the rig's topics with that kind's QoS and retain flag. Completes when the
   * broker acknowledged it (QoS 1); fails at once when not connected.
   */
  public CompletableFuture<Void> publish(TopicKind kind, byte[] payload) {
    return publish(Topics.topic(settings.rigId(), kind), payload, kind.qos(), kind.retained());
  }

  private CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (state != LinkState.CONNECTED && state != LinkState.CONNECTING) {
      done.completeExceptionally(new IllegalStateException("not connected"));
      return done;
    }
    MqttMessage message = new MqttMessage(payload);
    message.setQos(qos);
    message.setRetained(retained);
    if (qos > 0) {
      inFlight.add(done);
      done.whenComplete((ok, e) -> inFlight.remove(done));
    }
    try {
      client.publish(
          topic,
          message,
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              int[] codes = token.getReasonCodes();
              if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                done.completeExceptionally(
                    new IllegalStateException(
                        "the broker refused the message on "
                            + topic
                            + " (reason code 0x"
                            + Integer.toHexString(codes[0])
                            + ")"));
              } else {
                done.complete(null);
              }
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
              done.completeExceptionally(e);
            }
          });
    } catch (MqttException | RuntimeException e) {
      done.completeExceptionally(e);
    }
    return done;
  }

  // ---- the connection loop

  private void run() {
    int attempt = 0;
    while (true) {
      if (!awaitNotHeld()) {
        return;
      }
      lock.lock();
      try {
        if (closing) {
          return;
        }
        lost = false;
      } finally {
        lock.unlock();
      }
      if (attempted) {
        replaceClient();
      }
      attempted = true;
      state = LinkState.CONNECTING;
      String failure = connectOnce();
      if (failure == null) {
        attempt = 0;
        awaitLossOrClose();
        lock.lock();
        try {
          if (closing) {
            return;
          }
        } finally {
          lock.unlock();
        }
        // lost: the first retry waits too, so a fleet spreads out after a broker restart
      } else {
        connectFailures.incrementAndGet();
        lastError = failure;
        LOG.log(
            attempt == 0 ? Level.WARNING : Level.DEBUG,
            "MQTT connect to {0} as {1} failed: {2}",
            settings.pahoUrl(),
            settings.rigId(),
            failure);
        handler.onDisconnected(failure);
      }
      state = LinkState.WAITING;
      Duration wait = backoff.delay(attempt);
      attempt = Math.min(attempt + 1, 30);
      if (!sleep(wait)) {
        return;
      }
    }
  }

  /** One connect, subscribe and birth; null on success, else why it failed. */
  private String connectOnce() {
    long seq = birthSeq.getAsLong();
    long waitMs = settings.connectTimeout().toMillis() + 5_000;
    try {
      IMqttToken connected = client.connect(options(seq));
      connected.waitForCompletion(waitMs);
      boolean sessionPresent = connected.getSessionPresent();
      MqttProperties connack = connected.getResponseProperties();
      serverReceiveMaximum =
          connack != null && connack.getReceiveMaximum() != null
              ? connack.getReceiveMaximum()
              : 65_535;
      try {
        IMqttToken subscribed =
            client.subscribe(
                new MqttSubscription[] {
                  new MqttSubscription(
                      Topics.topic(settings.rigId(), TopicKind.WORK), TopicKind.WORK.qos()),
                  new MqttSubscription(
                      Topics.topic(settings.rigId(), TopicKind.CMD), TopicKind.CMD.qos())
                });
        subscribed.waitForCompletion(waitMs);
        int[] codes = subscribed.getReasonCodes();
        if (codes != null) {
          for (int code : codes) {
            if (code >= 0x80) {
              throw new IllegalStateException(
                  "the broker refused the subscriptions (reason code 0x"
                      + Integer.toHexString(code)
                      + "): check the broker's ACL for rig "
                      + settings.rigId());
            }
          }
        }
        sessionSeq = seq;
        BirthMessage birth = handler.birth(seq);
        awaitPublished(publish(TopicKind.BIRTH, codec.encode(birth)), waitMs);
        StatusMessage online = new StatusMessage(clock.millis(), RigState.ONLINE, null, seq);
        awaitPublished(publish(TopicKind.STATUS, codec.encode(online)), waitMs);
      } catch (RuntimeException | MqttException e) {
        forceDisconnect();
        throw e;
      }
      lock.lock();
      try {
        if (lost) {
          return "connection lost right after connecting";
        }
        state = LinkState.CONNECTED;
      } finally {
        lock.unlock();
      }
      connects.incrementAndGet();
      lastError = null;
      LOG.log(
          Level.INFO,
          "MQTT connected to {0} as {1} (session {2}, birth {3})",
          settings.pahoUrl(),
          settings.rigId(),
          sessionPresent ? "resumed" : "new",
          seq);
      handler.onConnected(sessionPresent);
      return null;
    } catch (MqttException e) {
      return describe(e);
    } catch (RuntimeException e) {
      return e.getMessage() == null ? e.toString() : e.getMessage();
    }
  }

  private static void awaitPublished(CompletableFuture<Void> done, long waitMs) {
    try {
      done.get(waitMs, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      throw new IllegalStateException(
          cause instanceof MqttException m ? describe(m) : String.valueOf(cause.getMessage()),
          cause);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("no acknowledgement from the broker in " + waitMs + " ms");
    }
  }

  private MqttConnectionOptions options(long seq) {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(false);
    options.setSessionExpiryInterval(settings.sessionExpiry().toSeconds());
    options.setAutomaticReconnect(false);
    options.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
    options.setConnectionTimeout((int) Math.max(1, settings.connectTimeout().toSeconds()));
    options.setUserName(settings.username());
    options.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
    if (settings.socketFactory() != null) {
      options.setSocketFactory(settings.socketFactory());
    } else if (!settings.tls()) {
      options.setSocketFactory(new io.otedama.protocol.transport.NoDelaySocketFactory());
    }
    StatusMessage will =
        new StatusMessage(clock.millis(), RigState.OFFLINE, "connection lost", seq);
    MqttMessage willMessage = new MqttMessage(codec.encode(will));
    willMessage.setQos(TopicKind.STATUS.qos());
    willMessage.setRetained(true);
    options.setWill(statusTopic, willMessage);
    return options;
  }

  private void awaitLossOrClose() {
    lock.lock();
    try {
      while (!lost && !closing) {
        changed.awaitUninterruptibly();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * While held, makes sure nothing is connected (a connect that was under way when {@link #hold()}
   * came has finished by now) and waits for {@link #release()}; false once the link is closing.
   */
  private boolean awaitNotHeld() {
    boolean holding;
    lock.lock();
    try {
      holding = held && !closing;
    } finally {
      lock.unlock();
    }
    if (holding) {
      forceDisconnect();
      state = LinkState.WAITING;
    }
    lock.lock();
    try {
      while (held && !closing) {
        changed.awaitUninterruptibly();
      }
      return !closing;
    } finally {
      lock.unlock();
    }
  }

  /** Waits, or returns false as soon as the link is closing. */
  private boolean sleep(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    lock.lock();
    try {
      while (!closing) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return true;
        }
        try {
          changed.awaitNanos(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return false;
    } finally {
      lock.unlock();
    }
  }

  private void forceDisconnect() {
    try {
      if (client.isConnected()) {
        client.disconnectForcibly(0, 1000, false);
      }
    } catch (MqttException e) {
      LOG.log(Level.DEBUG, "forced disconnect: {0}", e.toString());
    }
  }

  private void connectionLost(String reason) {
    lock.lock();
    try {
      lost = true;
      if (state == LinkState.CONNECTED) {
        state = LinkState.WAITING;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    lastError = reason;
    failInFlight("connection lost: " + reason);
    LOG.log(Level.WARNING, "MQTT connection of {0} lost: {1}", settings.rigId(), reason);
    handler.onDisconnected(reason);
  }

  static String describe(MqttException e) {
    String message = e.getMessage();
    Throwable cause = e.getCause();
    String text =
        message == null || message.isBlank() ? "reason code " + e.getReasonCode() : message;
    if (cause != null && cause.getMessage() != null && !text.contains(cause.getMessage())) {
      text += " (" + cause.getMessage() + ")";
    }
    return text + " [" + e.getReasonCode() + "]";
  }

  /**
   * Publishes a retained {@code offline} status (a clean stop is not a lost connection, so the Last
   * Will does not fire), disconnects and releases the client.
   */
  @Override
  public void close() {
    Thread toJoin;
    lock.lock();
    try {
      if (closing) {
        return;
      }
      closing = true;
      changed.signalAll();
      toJoin = loop;
    } finally {
      lock.unlock();
    }
    if (toJoin != null) {
      try {
        toJoin.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (client.isConnected()) {
      try {
        StatusMessage offline =
            new StatusMessage(
                clock.millis(), RigState.OFFLINE, "shutdown", sessionSeq < 0 ? null : sessionSeq);
        MqttMessage message = new MqttMessage(codec.encode(offline));
        message.setQos(TopicKind.STATUS.qos());
        message.setRetained(true);
        client.publish(statusTopic, message).waitForCompletion(2_000);
        client.disconnect(2_000).waitForCompletion(3_000);
      } catch (MqttException e) {
        LOG.log(Level.DEBUG, "clean disconnect of {0}: {1}", settings.rigId(), e.toString());
        forceDisconnect();
      }
    }
    state = LinkState.CLOSED;
    try {
      client.close(true);
    } catch (MqttException e) {
      LOG.log(Level.DEBUG, "closing the MQTT client of {0}: {1}", settings.rigId(), e.toString());
    }
  }

  /**
   * Cuts the connection without a clean DISCONNECT, as a network failure or a power cut would (the
   * broker then publishes the Last Will); the loop reconnects as after any loss. A simulated rig's
   * {@code reboot} does this.
   */
  public void dropConnection() {
    forceDisconnect();
    // Paho reports no loss for a disconnect it was asked for: tell the loop ourselves
    connectionLost("connection dropped by the agent");
  }

  /**
   * Cuts the connection without a clean DISCONNECT (the broker publishes the Last Will) and makes
   * no attempt to connect again until {@link #release()}: the machine lost its power. Simulated
   * rigs whose PDU outlet is switched off do this.
   */
  public void hold() {
    lock.lock();
    try {
      held = true;
    } finally {
      lock.unlock();
    }
    forceDisconnect();
    connectionLost("held: the machine lost power");
  }

  /** Ends a {@link #hold()}: the loop connects again (after its backoff wait), as after a boot. */
  public void release() {
    lock.lock();
    try {
      held = false;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private final class Callback implements MqttCallback {
    private final MqttAsyncClient owner;

    Callback(MqttAsyncClient owner) {
      this.owner = owner;
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
      if (owner != client) {
        return; // a replaced client saying goodbye late: not this connection's news
      }
      String reason;
      if (response.getException() != null) {
        reason = describe(response.getException());
      } else {
        reason =
            "the broker disconnected us (reason code 0x"
                + Integer.toHexString(response.getReturnCode())
                + (response.getReasonString() == null ? "" : ", " + response.getReasonString())
                + ")";
      }
      connectionLost(reason);
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
      LOG.log(Level.WARNING, "MQTT error for {0}: {1}", settings.rigId(), describe(exception));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      var parsed = Topics.parse(topic);
      if (parsed.isEmpty() || !parsed.get().rigId().equals(settings.rigId())) {
        LOG.log(Level.DEBUG, "ignoring a message on {0}", topic);
        return;
      }
      TopicKind kind = parsed.get().kind();
      if (kind != TopicKind.WORK && kind != TopicKind.CMD) {
        return;
      }
      MqttProperties properties = message.getProperties();
      byte[] correlation = properties == null ? null : properties.getCorrelationData();
      try {
        handler.onMessage(kind, message.getPayload(), correlation, message.isRetained());
      } catch (RuntimeException e) {
        // an exception escaping here would drop the connection
        LOG.log(Level.ERROR, "handling a message on " + topic + " failed", e);
      }
    }

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
