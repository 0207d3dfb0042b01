package io.otedama.controller.work;

import io.otedama.hashing.Hex;
import io.otedama.protocol.stratum.ConfigureResult;
import io.otedama.protocol.stratum.MiningAuthorize;
import io.otedama.protocol.stratum.MiningConfigure;
import io.otedama.protocol.stratum.MiningExtranonceSubscribe;
import io.otedama.protocol.stratum.MiningNotify;
import io.otedama.protocol.stratum.MiningSetDifficulty;
import io.otedama.protocol.stratum.MiningSetExtranonce;
import io.otedama.protocol.stratum.MiningSetVersionMask;
import io.otedama.protocol.stratum.MiningSubmit;
import io.otedama.protocol.stratum.MiningSubscribe;
import io.otedama.protocol.stratum.ServerMessage;
import io.otedama.protocol.stratum.StratumCodec;
import io.otedama.protocol.stratum.StratumErrorCode;
import io.otedama.protocol.stratum.StratumId;
import io.otedama.protocol.stratum.StratumLineReader;
import io.otedama.protocol.stratum.StratumLineTooLongException;
import io.otedama.protocol.stratum.StratumMessage;
import io.otedama.protocol.stratum.StratumProtocolException;
import io.otedama.protocol.stratum.StratumResponse;
import io.otedama.protocol.stratum.SubscribeResult;
import io.otedama.protocol.stratum.UnknownMethod;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Stratum v1 connection to one upstream pool: connect (TCP or TLS), {@code mining.configure}
 * for version rolling, {@code mining.subscribe}, {@code mining.extranonce.subscribe}, {@code
 * mining.authorize}; then a reader on its own virtual thread follows {@code mining.notify}, {@code
 * mining.set_difficulty}, {@code mining.set_extranonce} and {@code mining.set_version_mask}, and
 * matches answers to requests. Writes go through a queue and a writer thread, so a submit never
 * blocks its caller on the network.
 *
 * <p>Difficulty and extranonce changes apply from the next job, as Stratum pools intend.
 */
final class PoolConnection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PoolConnection.class);
  private static final byte[] CLOSE = new byte[0];

  /** What the connection reports, on its reader thread. */
  interface Events {
    /** A job arrived, with the session and difficulty it belongs to. */
    void onJob(PoolConnection connection, MiningNotify notify, SourceSession session, double diff);

    /** The connection ended (after a successful handshake); {@code why} is for the log. */
    void onClosed(PoolConnection connection, String why);
  }

  private final PoolEndpoint pool;
  private final PoolClientSettings settings;
  private final StratumCodec codec;
  private final Events events;
  private final LongSupplier sessionIds;
  private final AtomicLong requestIds = new AtomicLong(1);
  private final Map<Long, CompletableFuture<StratumResponse>> pending = new ConcurrentHashMap<>();
  private final BlockingQueue<byte[]> outbox = new LinkedBlockingQueue<>(10_000);
  private volatile Socket socket;
  private volatile SourceSession session;
  private volatile double difficulty = 1;
  private volatile boolean closed;
  private volatile boolean handshakeDone;
  private volatile MiningNotify lastNotify;
  private volatile SourceSession lastNotifySession;
  private volatile double lastNotifyDifficulty;

  PoolConnection(
      PoolEndpoint pool,
      PoolClientSettings settings,
      StratumCodec codec,
      Events events,
      LongSupplier sessionIds) {
    this.pool = pool;
    this.settings = settings;
    this.codec = codec;
    this.events = events;
    this.sessionIds = sessionIds;
  }

  PoolEndpoint pool() {
    return pool;
  }

  /** The current session, or null before subscribe. */
  SourceSession session() {
    return session;
  }

  /** The last job and its session and difficulty, or null. */
  MiningNotify lastNotify() {
    return lastNotify;
  }

  SourceSession lastNotifySession() {
    return lastNotifySession;
  }

  double lastNotifyDifficulty() {
    return lastNotifyDifficulty;
  }

  boolean isOpen() {
    return !closed;
  }

  /**
   * Connects and completes the handshake; returns once authorized.
   *
   * @throws IOException when the pool cannot be reached, refuses or does not answer in time
   */
  void open() throws IOException {
    Socket s = createSocket();
    this.socket = s;
    try {
      s.connect(
          new InetSocketAddress(pool.host(), pool.port()),
          (int) settings.connectTimeout().toMillis());
      s.setTcpNoDelay(true);
      s.setKeepAlive(true);
      s.setSoTimeout((int) settings.silenceTimeout().toMillis());
      if (s instanceof SSLSocket ssl) {
        javax.net.ssl.SSLParameters params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
        ssl.setSSLParameters(params);
        ssl.startHandshake();
      }
      Thread.ofVirtual().name("pool-reader-" + pool.name()).start(this::readLoop);
      Thread.ofVirtual().name("pool-writer-" + pool.name()).start(this::writeLoop);
      handshake();
    } catch (IOException | RuntimeException e) {
      close();
      throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
  }

  private Socket createSocket() throws IOException {
    if (!pool.tls()) {
      return new Socket();
    }
    try {
      SSLContext context =
          settings.sslContext() == null ? SSLContext.getDefault() : settings.sslContext();
      return context.getSocketFactory().createSocket();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IOException("no TLS available", e);
    }
  }

  private void handshake() throws IOException {
    int mask = 0;
    if (settings.versionRollingMask() != 0) {
      StratumResponse r =
          request(id ->
              new MiningConfigure(
                  id,
                  List.of(MiningConfigure.VERSION_ROLLING),
                  Map.of(
                      "version-rolling.mask",
                      Hex.encodeInt32(settings.versionRollingMask()),
                      "version-rolling.min-bit-count",
                      2L),
                  null,
                  null,
                  null));
      if (r.error() == null) {
        try {
          ConfigureResult result = ConfigureResult.from(r);
          String granted = result.versionRollingMask();
          if (granted != null) {
            mask = Hex.decodeInt32("version-rolling.mask", granted);
          }
        } catch (StratumProtocolException e) {
          LOG.info(
              "{}: configure answer not understood ({}); no version rolling", pool, e.getMessage());
        }
      }
    }
    StratumResponse subscribed = request(id -> new MiningSubscribe(id, settings.userAgent(), null));
    SubscribeResult sub;
    try {
      sub = SubscribeResult.from(subscribed);
    } catch (StratumProtocolException e) {
      throw new IOException(pool + ": " + e.getMessage());
    }
    if (sub.extranonce2Size() < 1) {
      throw new IOException(pool + ": extranonce2 size 0 leaves nothing to mine with");
    }
    session =
        new SourceSession(
            sessionIds.getAsLong(), pool.name(), sub.extranonce1(), sub.extranonce2Size(), mask);
    StratumResponse extranonce = request(MiningExtranonceSubscribe::new);
    if (!extranonce.isTrue()) {
      LOG.debug("{}: extranonce.subscribe not supported", pool);
    }
    StratumResponse auth = request(id -> new MiningAuthorize(id, pool.user(), pool.password()));
    if (!auth.isTrue()) {
      throw new IOException(
          pool
              + ": authorize as "
              + pool.user()
              + " refused"
              + (auth.error() == null ? "" : ": " + auth.error().message()));
    }
    LOG.info("{}: connected, {}", pool, session);
    handshakeDone = true;
    MiningNotify early = lastNotify;
    if (early != null) {
      events.onJob(this, early, lastNotifySession, lastNotifyDifficulty);
    }
  }

  private StratumResponse request(java.util.function.Function<StratumId, StratumMessage> build)
      throws IOException {
    long id = requestIds.getAndIncrement();
    CompletableFuture<StratumResponse> answer = new CompletableFuture<>();
    pending.put(id, answer);
    send(build.apply(StratumId.of(id)));
    try {
      return answer.get(settings.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IOException(pool + ": no answer within " + settings.handshakeTimeout());
    } catch (ExecutionException e) {
      throw new IOException(pool + ": " + e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    } finally {
      pending.remove(id);
    }
  }

  /** Submits a share of this connection's session under the pool's user. */
  CompletableFuture<UpstreamResult> submit(UpstreamShare share) {
    SourceSession current = session;
    if (closed || current == null || share.job().session().id() != current.id()) {
      return CompletableFuture.completedFuture(
          new UpstreamResult(
              UpstreamResult.Status.STALE, pool.name(), "the share's session has ended"));
    }
    long id = requestIds.getAndIncrement();
    CompletableFuture<StratumResponse> answer = new CompletableFuture<>();
    pending.put(id, answer);
    send(
        new MiningSubmit(
            StratumId.of(id),
            pool.user(),
            share.job().upstreamJobId(),
            share.extranonce2(),
            share.ntime(),
            share.nonce(),
            share.versionBits()));
    return answer
        .orTimeout(settings.submitTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .handle((r, failure) -> {
          pending.remove(id);
          if (failure != null) {
            return new UpstreamResult(
                UpstreamResult.Status.UNANSWERED,
                pool.name(),
                failure instanceof TimeoutException
                    ? "no answer within " + settings.submitTimeout()
                    : String.valueOf(failure.getMessage()));
          }
          if (r.isTrue()) {
            return UpstreamResult.accepted(pool.name());
          }
          String detail =
              r.rejectReason() != null
                  ? r.rejectReason()
                  : r.error() != null ? r.error().message() : "answered " + r.result();
          boolean stale =
              r.error() != null && r.error().code() == StratumErrorCode.JOB_NOT_FOUND.code();
          return new UpstreamResult(
              stale ? UpstreamResult.Status.STALE : UpstreamResult.Status.REJECTED,
              pool.name(),
              detail);
        });
  }

  private void send(StratumMessage message) {
    if (!outbox.offer(codec.encodeBytes(message))) {
      LOG.warn("{}: outgoing queue full, closing", pool);
      close();
    }
  }

  private void writeLoop() {
    try {
      OutputStream out = socket.getOutputStream();
      while (!closed) {
        byte[] line = outbox.take();
        if (line == CLOSE) {
          break;
        }
        out.write(line);
        out.flush();
      }
    } catch (IOException e) {
      end("write failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void readLoop() {
    String why = "closed";
    try {
      StratumLineReader reader =
          new StratumLineReader(socket.getInputStream(), codec.maxLineLength());
      while (!closed) {
        String line;
        try {
          line = reader.readLine();
        } catch (StratumLineTooLongException e) {
          LOG.warn("{}: line over {} bytes skipped", pool, codec.maxLineLength());
          continue;
        }
        if (line == null) {
          why = "the pool closed the connection";
          break;
        }
        handle(line);
      }
    } catch (SocketTimeoutException e) {
      why = "silent for " + settings.silenceTimeout().toSeconds() + " s";
    } catch (IOException e) {
      why = closed ? "closed" : "read failed: " + e.getMessage();
    }
    end(why);
  }

  private void handle(String line) {
    ServerMessage message;
    try {
      message = codec.decodeFromServer(line);
    } catch (StratumProtocolException e) {
      LOG.warn("{}: unreadable line skipped: {}", pool, e.getMessage());
      return;
    }
    switch (message) {
      case StratumResponse r -> {
        if (r.id().value() instanceof Long id) {
          CompletableFuture<StratumResponse> f = pending.remove(id);
          if (f != null) {
            f.complete(r);
          }
        }
      }
      case MiningNotify n -> {
        SourceSession s = session;
        double d = difficulty;
        lastNotify = n;
        lastNotifySession = s;
        lastNotifyDifficulty = d;
        if (s != null && handshakeDone) {
          events.onJob(this, n, s, d);
        }
      }
      case MiningSetDifficulty d -> difficulty = d.difficulty();
      case MiningSetExtranonce x -> {
        SourceSession s = session;
        if (s != null && x.extranonce2Size() >= 1) {
          session =
              new SourceSession(
                  sessionIds.getAsLong(),
                  pool.name(),
                  x.extranonce1(),
                  x.extranonce2Size(),
                  s.versionMask());
          LOG.info("{}: set_extranonce, now {}", pool, session);
        }
      }
      case MiningSetVersionMask m -> {
        SourceSession s = session;
        if (s != null) {
          int mask = Hex.decodeInt32("mask", m.mask());
          session = s.withVersionMask(sessionIds.getAsLong(), mask & settings.versionRollingMask());
        }
      }
      case UnknownMethod u -> {
        if (!u.id().isNull()) {
          send(StratumResponse.error(u.id(), StratumErrorCode.OTHER, "not supported"));
        }
      }
    }
  }

  private void end(String why) {
    boolean wasOpen;
    synchronized (this) {
      wasOpen = !closed;
      closed = true;
    }
    closeQuietly();
    for (CompletableFuture<StratumResponse> f : pending.values()) {
      f.completeExceptionally(new IOException("connection ended: " + why));
    }
    pending.clear();
    if (wasOpen && handshakeDone) {
      LOG.info("{}: connection ended: {}", pool, why);
      events.onClosed(this, why);
    }
  }

  private void closeQuietly() {
    outbox.clear();
    outbox.offer(CLOSE);
    Socket s = socket;
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  /** Closes without reporting {@link Events#onClosed}. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    closeQuietly();
    for (CompletableFuture<StratumResponse> f : pending.values()) {
      f.completeExceptionally(new IOException("connection closed"));
    }
  }

  /** How long the handshake may take at most, for callers waiting on {@link #open}. */
  Duration handshakeBudget() {
    return settings.connectTimeout().plus(settings.handshakeTimeout().multipliedBy(4));
  }

  @Override
  public String toString() {
    return "connection to " + pool;
  }
}
