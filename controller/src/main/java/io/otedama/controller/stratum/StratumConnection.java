package io.otedama.controller.stratum;

import io.otedama.controller.shares.ShareSubmission;
import io.otedama.controller.shares.ShareVerdict;
import io.otedama.controller.work.IssuedJob;
import io.otedama.controller.work.RigWork;
import io.otedama.controller.work.SliceExhaustedException;
import io.otedama.controller.work.Vardiff;
import io.otedama.controller.work.WorkFeed;
import io.otedama.controller.work.WorkSlice;
import io.otedama.controller.work.WorkSubscriber;
import io.otedama.hashing.Hex;
import io.otedama.protocol.stratum.ClientMessage;
import io.otedama.protocol.stratum.ConfigureResult;
import io.otedama.protocol.stratum.MiningAuthorize;
import io.otedama.protocol.stratum.MiningConfigure;
import io.otedama.protocol.stratum.MiningExtranonceSubscribe;
import io.otedama.protocol.stratum.MiningSetDifficulty;
import io.otedama.protocol.stratum.MiningSetExtranonce;
import io.otedama.protocol.stratum.MiningSetVersionMask;
import io.otedama.protocol.stratum.MiningSubmit;
import io.otedama.protocol.stratum.MiningSubscribe;
import io.otedama.protocol.stratum.MiningSuggestDifficulty;
import io.otedama.protocol.stratum.StratumErrorCode;
import io.otedama.protocol.stratum.StratumId;
import io.otedama.protocol.stratum.StratumLineFramer;
import io.otedama.protocol.stratum.StratumMessage;
import io.otedama.protocol.stratum.StratumProtocolException;
import io.otedama.protocol.stratum.StratumResponse;
import io.otedama.protocol.stratum.SubscribeResult;
import io.otedama.protocol.stratum.UnknownMethod;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One miner on the Stratum port. The miner's extranonce1 is the upstream session's extranonce1
 * followed by its slice's prefix, and its extranonce2 is the rest of the upstream extranonce2, so a
 * share it finds is already a share of the upstream session; {@code mining.submit} goes through the
 * same {@link io.otedama.controller.shares.ShareProcessor} as agents' shares.
 *
 * <p>The miner gets its slice at subscribe, on the default profile's feed (it has not said who it
 * is yet). Authorize names the rig; if its group mines on another profile it moves there, which
 * changes its extranonce1: miners that sent {@code mining.extranonce.subscribe} are told with
 * {@code mining.set_extranonce}, others stay on the default profile. A later session change
 * (reconnect or failover upstream) is handled the same way, except that a miner that cannot take
 * {@code set_extranonce} is disconnected so it reconnects with the new one.
 */
final class StratumConnection implements WorkSubscriber {
  private static final Logger LOG = LoggerFactory.getLogger(StratumConnection.class);
  private static final byte[] CLOSE = new byte[0];
  private static final SecureRandom RANDOM = new SecureRandom();

  private final StratumServer server;
  private final Socket socket;
  private final String id;
  private final BlockingQueue<byte[]> outbox;
  private final StratumLineFramer framer;
  private final Map<String, StratumRig> workers = new ConcurrentHashMap<>();
  private final Instant openedAt;
  private volatile boolean closed;
  private volatile RigWork rig;
  private volatile boolean authorized;
  private boolean subscribed;
  private boolean extranonceSubscribed;
  private int negotiatedMask;
  private boolean versionRolling;
  private String sentExtranonce1;
  private int sentExtranonce2Size;
  private String sentPrefix = "";
  private int sentVersionMask;
  private double sentDifficulty = Double.NaN;
  private double suggestedDifficulty = Double.NaN;
  private double fixedDifficulty = Double.NaN;
  private StratumRig primary;
  private long shareSequence;
  private int consecutiveBad;
  private double tokens;
  private long lastRefillNanos;
  private int rateLimited;

  StratumConnection(StratumServer server, Socket socket) {
    this.server = server;
    this.socket = socket;
    byte[] idBytes = new byte[8];
    RANDOM.nextBytes(idBytes);
    this.id = HexFormat.of().formatHex(idBytes);
    this.outbox = new ArrayBlockingQueue<>(server.settings.maxQueuedMessages());
    this.framer = new StratumLineFramer(server.settings.maxLineBytes());
    this.openedAt = server.clock.instant();
    this.tokens = server.settings.messageBurst();
    this.lastRefillNanos = System.nanoTime();
  }

  void start() {
    Thread.ofVirtual().name("stratum-" + id + "-in").start(this::readLoop);
    Thread.ofVirtual().name("stratum-" + id + "-out").start(this::writeLoop);
  }

  // ---- reading

  private void readLoop() {
    String reason = "closed";
    try {
      socket.setSoTimeout((int) server.settings.idleTimeout().toMillis());
      socket.setTcpNoDelay(true);
      // a fixed, modest send buffer: Stratum needs little, and a miner that stops reading then
      // fills its bounded queue quickly instead of the kernel buffering megabytes for it
      socket.setSendBufferSize(64 * 1024);
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[4096];
      StratumLineFramer.LineHandler handler =
          new StratumLineFramer.LineHandler() {
            @Override
            public void onLine(String line) {
              handleLine(line);
            }

            @Override
            public void onLineTooLong(int maxLineBytes) {
              bad(
                  new StratumProtocolException(
                      StratumProtocolException.Kind.LINE_TOO_LONG,
                      StratumId.NULL,
                      "line longer than " + maxLineBytes + " bytes"));
            }
          };
      while (!closed) {
        int n = in.read(buffer);
        if (n < 0) {
          break;
        }
        framer.feed(buffer, 0, n, handler);
      }
    } catch (SocketTimeoutException e) {
      reason = "idle";
    } catch (IOException e) {
      reason = "closed";
    } catch (RuntimeException e) {
      LOG.warn("stratum {}: unexpected failure", id, e);
    }
    close(reason);
  }

  private void handleLine(String line) {
    if (closed) {
      return;
    }
    if (!takeToken()) {
      rateLimited++;
      send(
          StratumResponse.error(
              StratumId.NULL, StratumErrorCode.OTHER, "too many messages: slow down"));
      if (rateLimited > server.settings.messageBurst()) {
        close("rate_limit");
      }
      return;
    }
    ClientMessage message;
    try {
      message = server.codec.decodeFromClient(line);
    } catch (StratumProtocolException e) {
      bad(e);
      return;
    }
    consecutiveBad = 0;
    synchronized (this) {
      switch (message) {
        case MiningSubscribe m -> subscribe(m);
        case MiningAuthorize m -> authorize(m);
        case MiningConfigure m -> configure(m);
        case MiningSuggestDifficulty m -> suggest(m);
        case MiningExtranonceSubscribe m -> {
          extranonceSubscribed = true;
          send(StratumResponse.accepted(m.id()));
        }
        case MiningSubmit m -> submit(m);
        case UnknownMethod m -> {
          if (!m.id().isNull()) {
            send(
                StratumResponse.error(
                    m.id(), StratumErrorCode.OTHER, "method " + m.method() + " is not supported"));
          }
        }
        case StratumResponse r -> {
          // answers to requests we never send; ignored
        }
      }
    }
  }

  private void bad(StratumProtocolException e) {
    send(e.toErrorResponse());
    if (++consecutiveBad >= server.settings.maxBadMessages()) {
      close("bad_messages");
    }
  }

  private boolean takeToken() {
    long now = System.nanoTime();
    tokens =
        Math.min(
            server.settings.messageBurst(),
            tokens + (now - lastRefillNanos) / 1e9 * server.settings.messagesPerSecond());
    lastRefillNanos = now;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  // ---- methods

  private void subscribe(MiningSubscribe m) {
    if (!subscribed) {
      RigWork work =
          new RigWork(
              "stratum-" + id,
              "stratum-" + id,
              null,
              RigWork.Kind.STRATUM,
              null,
              Vardiff.variable(
                  server.settings.vardiff(),
                  Double.isNaN(suggestedDifficulty)
                      ? server.settings.startDifficulty()
                      : suggestedDifficulty,
                  server.clock.instant()),
              this);
      StratumRig early = primary;
      if (early != null) {
        work.identify(early.rigId(), early.account(), null);
      }
      try {
        server.assignments.assign(work);
      } catch (SliceExhaustedException | RuntimeException e) {
        send(StratumResponse.error(m.id(), StratumErrorCode.OTHER, "no room for another miner"));
        LOG.warn("stratum {}: {}", id, e.getMessage());
        close("capacity");
        return;
      }
      IssuedJob job = work.feed().current().orElse(null);
      WorkSlice slice = job == null ? null : work.sliceFor(job);
      if (slice == null) {
        server.assignments.release(work.key());
        send(StratumResponse.error(m.id(), StratumErrorCode.OTHER, "no work available yet"));
        close("no_work");
        return;
      }
      rig = work;
      subscribed = true;
      sentExtranonce1 = job.session().extranonce1Hex() + slice.prefixHex();
      sentExtranonce2Size = slice.rollBytes();
      sentPrefix = slice.prefixHex();
      if (!Double.isNaN(fixedDifficulty)) {
        work.useVardiff(
            Vardiff.fixed(server.settings.vardiff(), fixedDifficulty, server.clock.instant()));
      }
    }
    send(SubscribeResult.standard(id, sentExtranonce1, sentExtranonce2Size).toResponse(m.id()));
    if (authorized) {
      startWork();
    }
  }

  private void authorize(MiningAuthorize m) {
    String account = m.account();
    if (account.isBlank()) {
      send(
          StratumResponse.error(
              m.id(),
              StratumErrorCode.UNAUTHORIZED_WORKER,
              "the username must be <account>.<worker>"));
      return;
    }
    StratumRig resolved;
    try {
      resolved = server.registry.resolve(account, m.worker()).orElse(null);
    } catch (RuntimeException e) {
      LOG.warn("stratum {}: resolving {} failed", id, m.username(), e);
      resolved = null;
    }
    if (resolved == null) {
      send(StratumResponse.error(m.id(), StratumErrorCode.UNAUTHORIZED_WORKER));
      return;
    }
    workers.put(m.username(), resolved);
    OptionalDouble fixed = m.requestedDifficulty();
    boolean first = primary == null;
    if (first) {
      primary = resolved;
      if (fixed.isPresent()) {
        fixedDifficulty = fixed.getAsDouble();
      }
    }
    send(StratumResponse.accepted(m.id()));
    if (!first) {
      return;
    }
    authorized = true;
    RigWork work = rig;
    if (work != null) {
      work.identify(resolved.rigId(), resolved.account(), resolved.groupId());
      if (!Double.isNaN(fixedDifficulty)) {
        work.useVardiff(
            Vardiff.fixed(server.settings.vardiff(), fixedDifficulty, server.clock.instant()));
      }
      startWork();
    }
  }

  /** After subscribe and authorize: the rig's own profile, then its first job. */
  private void startWork() {
    RigWork work = rig;
    WorkFeed target = server.feeds.feedFor(work.groupId());
    if (target != work.feed()) {
      if (extranonceSubscribed) {
        server.assignments.rehome(work); // delivers the new feed's job (set_extranonce first)
        return;
      }
      LOG.warn(
          "stratum {}: {} stays on {}: its group mines on {}, but the miner does not accept"
              + " mining.set_extranonce",
          id,
          primary.rigId(),
          work.feed().name(),
          target.name());
    }
    IssuedJob job = work.lastJob();
    if (job == null) {
      job = work.feed().current().orElse(null);
    }
    if (job != null) {
      WorkSlice slice = work.sliceFor(job);
      if (slice != null) {
        deliver(work, job, slice, work.vardiff().difficulty());
      }
    }
  }

  private void configure(MiningConfigure m) {
    ConfigureResult result;
    if (m.versionRollingRequested()) {
      int offered = defaultSessionMask();
      int wanted =
          m.versionRollingMask() == null
              ? 0xffffffff
              : Hex.decodeInt32("mask", m.versionRollingMask());
      int mask = offered & wanted;
      Integer minBits = m.versionRollingMinBitCount();
      if (mask == 0 || (minBits != null && Integer.bitCount(mask) < minBits)) {
        result = ConfigureResult.versionRollingRefused();
        versionRolling = false;
      } else {
        result = ConfigureResult.versionRolling(Hex.encodeInt32(mask));
        versionRolling = true;
        negotiatedMask = mask;
        sentVersionMask = mask;
      }
    } else {
      result = new ConfigureResult(Map.of());
    }
    for (String extension : m.extensions()) {
      if (!extension.equals(MiningConfigure.VERSION_ROLLING)) {
        result = result.with(extension, false);
      }
    }
    send(result.toResponse(m.id()));
  }

  private int defaultSessionMask() {
    RigWork work = rig;
    WorkFeed feed = work != null && work.feed() != null ? work.feed() : server.feeds.feedFor(null);
    return feed.current().map(j -> j.session().versionMask()).orElse(0x1fffe000);
  }

  private void suggest(MiningSuggestDifficulty m) {
    double d = m.difficulty();
    RigWork work = rig;
    if (work == null) {
      suggestedDifficulty = d;
    } else if (!work.vardiff().isFixed()) {
      work.vardiff().set(d, server.clock.instant());
      if (authorized) {
        startWork();
      }
    }
    send(StratumResponse.accepted(m.id()));
  }

  private void submit(MiningSubmit m) {
    if (!subscribed) {
      send(StratumResponse.error(m.id(), StratumErrorCode.NOT_SUBSCRIBED));
      return;
    }
    StratumRig worker = workers.get(m.worker());
    if (worker == null) {
      server.processor.process(
          null,
          null,
          new ShareSubmission(
              null,
              m.jobId(),
              m.extranonce2(),
              m.ntime(),
              m.nonce(),
              m.versionBits(),
              server.clock.instant()),
          null);
      send(StratumResponse.error(m.id(), StratumErrorCode.UNAUTHORIZED_WORKER));
      return;
    }
    ShareSubmission share =
        new ShareSubmission(
            "s" + id + "-" + (++shareSequence),
            m.jobId(),
            sentPrefix + m.extranonce2(),
            m.ntime(),
            m.nonce(),
            m.versionBits(),
            server.clock.instant());
    ShareVerdict verdict = server.processor.process(worker.rigId(), rig, share, m.worker());
    server.registry.active(worker);
    if (verdict.accepted()) {
      send(StratumResponse.accepted(m.id()));
    } else {
      send(StratumResponse.error(m.id(), verdict.reason().stratumError(), verdict.message()));
    }
  }

  // ---- work

  @Override
  public synchronized void deliver(
      RigWork work, IssuedJob job, WorkSlice slice, double difficulty) {
    if (closed || !subscribed || !authorized) {
      return;
    }
    String extranonce1 = job.session().extranonce1Hex() + slice.prefixHex();
    int extranonce2Size = slice.rollBytes();
    boolean clean = false;
    if (!extranonce1.equals(sentExtranonce1) || extranonce2Size != sentExtranonce2Size) {
      if (!extranonceSubscribed) {
        LOG.info("stratum {}: extranonce changed, the miner must reconnect", id);
        close("extranonce_changed");
        return;
      }
      send(new MiningSetExtranonce(extranonce1, extranonce2Size));
      sentExtranonce1 = extranonce1;
      sentExtranonce2Size = extranonce2Size;
      sentPrefix = slice.prefixHex();
      clean = true;
    }
    if (versionRolling) {
      int mask = negotiatedMask & slice.rollMask();
      if (mask != sentVersionMask) {
        send(new MiningSetVersionMask(Hex.encodeInt32(mask)));
        sentVersionMask = mask;
      }
    }
    if (difficulty != sentDifficulty) {
      send(new MiningSetDifficulty(difficulty));
      sentDifficulty = difficulty;
    }
    if (slice.fixedVersionMask() == 0 && !slice.hasNtimeWindow()) {
      sendLine(job.notifyLine(server.codec, clean));
    } else {
      int version = slice.baseVersion(job.source().job().version());
      int ntime = slice.baseNtime(job.source().job().ntime());
      send(
          job.withVersionAndNtime(
              Hex.encodeInt32(version),
              Hex.encodeInt32(ntime),
              clean || job.notifyMessage().cleanJobs()));
    }
  }

  @Override
  public void withdrawn(RigWork work, String why) {
    LOG.warn("stratum {}: {}", id, why);
    close("no_work");
  }

  // ---- writing and lifecycle

  private void send(StratumMessage message) {
    sendLine(server.codec.encodeBytes(message));
  }

  private void sendLine(byte[] line) {
    if (closed) {
      return;
    }
    if (!outbox.offer(line)) {
      close("slow_reader");
    }
  }

  private void writeLoop() {
    try {
      OutputStream out = socket.getOutputStream();
      while (true) {
        byte[] line = outbox.take();
        if (line == CLOSE) {
          break;
        }
        out.write(line);
        if (outbox.isEmpty()) {
          out.flush();
        }
      }
    } catch (IOException e) {
      close("closed");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void checkDeadlines(Instant now) {
    if (!authorized && now.isAfter(openedAt.plus(server.settings.handshakeTimeout()))) {
      close("handshake_timeout");
    }
  }

  void close(String reason) {
    synchronized (outbox) {
      if (closed) {
        return;
      }
      closed = true;
    }
    outbox.clear();
    outbox.offer(CLOSE);
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    RigWork work = rig;
    if (work != null) {
      server.assignments.release(work.key());
    }
    StratumRig p = primary;
    if (p != null) {
      server.registry.disconnected(p);
    }
    server.ended(this, reason);
    LOG.debug("stratum {}: closed ({})", id, reason);
  }

  @Override
  public String toString() {
    return "stratum connection " + id;
  }
}
