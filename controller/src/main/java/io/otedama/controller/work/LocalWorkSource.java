package io.otedama.controller.work;

import io.otedama.hashing.Algorithm;
import io.otedama.hashing.Difficulty;
import io.otedama.hashing.Hex;
import io.otedama.hashing.Target;
import io.otedama.hashing.sha256.Sha256d;
import io.otedama.hashing.stratum.HeaderAssembler;
import io.otedama.protocol.stratum.MiningNotify;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A work source that needs no pool: it makes valid SHA-256d block templates itself (a BIP34
 * coinbase with the height and the farm's tag, made-up transactions for a real merkle branch, an
 * easy network target) and declares a block found when a submitted share meets the network target:
 * it tells the {@link BlockFound} listeners, then mines on the new block. For the demo and tests;
 * the payout feature gets its blocks from here.
 *
 * <p>Its upstream difficulty is the network difficulty, so only block candidates reach {@link
 * #submit}, which checks them again from scratch.
 */
public final class LocalWorkSource implements WorkSource {
  private static final Logger LOG = LoggerFactory.getLogger(LocalWorkSource.class);
  static final int EXTRANONCE1_SIZE = 4;
  static final int EXTRANONCE2_SIZE = 8;
  static final int VERSION = 0x20000000;
  static final int VERSION_MASK = 0x1fffe000;

  private final String name;
  private final LocalSourceSettings settings;
  private final Clock clock;
  private final List<WorkSourceListener> listeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<BlockFound>> blockListeners = new CopyOnWriteArrayList<>();
  private final SourceSession session;
  private final int nbits;
  private final Target networkTarget;
  private final Random random = new SecureRandom();
  private final Sha256d sha256d = new Sha256d();
  private final HeaderAssembler assembler = new HeaderAssembler();
  private long height;
  private byte[] prevHash = new byte[32]; // header byte order
  private List<byte[]> branch = List.of();
  private long jobCounter;
  private volatile SourceJob current;
  private volatile boolean closed;
  private Thread ticker;

  public LocalWorkSource(String name, LocalSourceSettings settings, Clock clock) {
    this.name = name;
    this.settings = settings;
    this.clock = clock;
    byte[] en1 = new byte[EXTRANONCE1_SIZE];
    random.nextBytes(en1);
    this.session = new SourceSession(1, name, Hex.encode(en1), EXTRANONCE2_SIZE, VERSION_MASK);
    this.nbits = Difficulty.toTarget(Algorithm.SHA256D, settings.networkDifficulty()).toCompact();
    this.networkTarget = Target.fromCompact(nbits);
    this.height = settings.startHeight();
    random.nextBytes(prevHash);
    newBlockTemplate();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Algorithm algorithm() {
    return Algorithm.SHA256D;
  }

  public void addBlockListener(Consumer<BlockFound> listener) {
    blockListeners.add(listener);
  }

  /** The height of the block being mined now. */
  public synchronized long height() {
    return height;
  }

  @Override
  public synchronized void start() {
    if (current == null) {
      issue(true);
    }
    if (ticker == null) {
      ticker =
          Thread.ofVirtual()
              .name("local-source-" + name)
              .start(() -> {
                while (!closed) {
                  try {
                    Thread.sleep(settings.jobInterval());
                  } catch (InterruptedException e) {
                    return;
                  }
                  synchronized (this) {
                    if (!closed) {
                      issue(false);
                    }
                  }
                }
              });
    }
  }

  @Override
  public void addListener(WorkSourceListener listener) {
    listeners.add(listener);
  }

  @Override
  public Optional<SourceJob> currentJob() {
    return Optional.ofNullable(current);
  }

  @Override
  public CompletableFuture<UpstreamResult> submit(UpstreamShare share) {
    BlockFound block;
    synchronized (this) {
      SourceJob job = share.job();
      if (job.session().id() != session.id()) {
        return done(UpstreamResult.Status.STALE, "not a job of this source");
      }
      byte[] header;
      try {
        int versionBits =
            share.versionBits() == null ? 0 : Hex.decodeInt32("versionBits", share.versionBits());
        header =
            assembler.header(
                job.job(),
                session.extranonce1(),
                Hex.decode("extranonce2", share.extranonce2(), EXTRANONCE2_SIZE),
                Hex.decodeInt32("ntime", share.ntime()),
                Hex.decodeInt32("nonce", share.nonce()),
                versionBits,
                VERSION_MASK);
      } catch (IllegalArgumentException e) {
        return done(UpstreamResult.Status.REJECTED, e.getMessage());
      }
      byte[] hash = sha256d.hash(header);
      if (!networkTarget.isMetBy(hash)) {
        return done(UpstreamResult.Status.REJECTED, "does not meet the network target");
      }
      if (!java.util.Arrays.equals(job.job().prevHash(), prevHash)) {
        return done(UpstreamResult.Status.STALE, "that block was already found");
      }
      block =
          new BlockFound(
              height,
              Hex.displayOrder(hash),
              settings.reward(),
              share.worker(),
              job.upstreamJobId(),
              name,
              clock.instant());
      LOG.info("{}: block {} found by {}: {}", name, height, share.worker(), block.hash());
      prevHash = hash;
      height++;
      newBlockTemplate();
      issue(true);
    }
    for (Consumer<BlockFound> l : blockListeners) {
      try {
        l.accept(block);
      } catch (RuntimeException e) {
        LOG.warn("{}: a block listener failed", name, e);
      }
    }
    return CompletableFuture.completedFuture(UpstreamResult.accepted(name));
  }

  private CompletableFuture<UpstreamResult> done(UpstreamResult.Status status, String detail) {
    return CompletableFuture.completedFuture(new UpstreamResult(status, name, detail));
  }

  private void newBlockTemplate() {
    List<byte[]> txids = new ArrayList<>(settings.fakeTransactions());
    for (int i = 0; i < settings.fakeTransactions(); i++) {
      byte[] txid = new byte[32];
      random.nextBytes(txid);
      txids.add(txid);
    }
    branch = merkleBranch(txids, sha256d);
  }

  /**
   * The merkle branch of the coinbase (index 0) among {@code [coinbase] + txids}: at each level the
   * sibling of the coinbase's path, duplicating the last hash of an odd level as Bitcoin does.
   */
  static List<byte[]> merkleBranch(List<byte[]> txids, Sha256d sha256d) {
    List<byte[]> steps = new ArrayList<>();
    List<byte[]> level = new ArrayList<>(txids);
    while (!level.isEmpty()) {
      steps.add(level.get(0));
      List<byte[]> rest = new ArrayList<>(level.subList(1, level.size()));
      if (rest.size() % 2 == 1) {
        rest.add(rest.get(rest.size() - 1));
      }
      List<byte[]> next = new ArrayList<>(rest.size() / 2);
      for (int i = 0; i < rest.size(); i += 2) {
        byte[] pair = new byte[64];
        System.arraycopy(rest.get(i), 0, pair, 0, 32);
        System.arraycopy(rest.get(i + 1), 0, pair, 32, 32);
        next.add(sha256d.hash(pair));
      }
      level = next;
    }
    return steps;
  }

  /** Issues a job for the current block; holds the monitor. */
  private void issue(boolean clean) {
    int ntime = (int) (clock.millis() / 1000);
    byte[] scriptPrefix = scriptSigPrefix();
    int scriptLength = scriptPrefix.length + EXTRANONCE1_SIZE + EXTRANONCE2_SIZE;
    ByteArrayOutputStream c1 = new ByteArrayOutputStream();
    c1.writeBytes(Hex.decode("v", "01000000")); // tx version
    c1.write(1); // one input
    c1.writeBytes(new byte[32]); // null outpoint
    c1.writeBytes(Hex.decode("i", "ffffffff"));
    c1.write(scriptLength);
    c1.writeBytes(scriptPrefix);
    ByteArrayOutputStream c2 = new ByteArrayOutputStream();
    c2.writeBytes(Hex.decode("s", "ffffffff")); // sequence
    c2.write(1); // one output
    long value = settings.reward();
    for (int i = 0; i < 8; i++) {
      c2.write((int) (value >>> (8 * i)));
    }
    byte[] script = Hex.decode("payout script", settings.payoutScript());
    c2.write(script.length);
    c2.writeBytes(script);
    c2.writeBytes(new byte[4]); // lock time
    List<String> branchHex = new ArrayList<>(branch.size());
    for (byte[] step : branch) {
      branchHex.add(Hex.encode(step));
    }
    MiningNotify notify =
        new MiningNotify(
            Long.toHexString(height) + "-" + Long.toHexString(++jobCounter),
            Hex.encode(swap32(prevHash)),
            Hex.encode(c1.toByteArray()),
            Hex.encode(c2.toByteArray()),
            branchHex,
            Hex.encodeInt32(VERSION),
            Hex.encodeInt32(nbits),
            Hex.encodeInt32(ntime),
            clean);
    SourceJob job =
        SourceJob.of(
            notify,
            session,
            Algorithm.SHA256D,
            Difficulty.ofTarget(Algorithm.SHA256D, networkTarget),
            clock.instant());
    current = job;
    for (WorkSourceListener l : listeners) {
      try {
        l.onJob(job);
      } catch (RuntimeException e) {
        LOG.warn("{}: a job listener failed", name, e);
      }
    }
  }

  /** BIP34 height push, then the tag push; the extranonces follow in the coinbase. */
  private byte[] scriptSigPrefix() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] h = minimalLittleEndian(height);
    out.write(h.length);
    out.writeBytes(h);
    byte[] tag = settings.tag().getBytes(StandardCharsets.US_ASCII);
    if (tag.length > 0) {
      out.write(tag.length);
      out.writeBytes(tag);
    }
    return out.toByteArray();
  }

  /** A script number: little-endian, minimal, with a 0x00 byte when the top bit would be set. */
  static byte[] minimalLittleEndian(long value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long v = value;
    while (v != 0) {
      out.write((int) (v & 0xff));
      v >>>= 8;
    }
    byte[] b = out.toByteArray();
    if (b.length > 0 && (b[b.length - 1] & 0x80) != 0) {
      byte[] padded = java.util.Arrays.copyOf(b, b.length + 1);
      return padded;
    }
    return b;
  }

  private static byte[] swap32(byte[] in) {
    byte[] out = new byte[in.length];
    for (int i = 0; i < in.length; i += 4) {
      out[i] = in[i + 3];
      out[i + 1] = in[i + 2];
      out[i + 2] = in[i + 1];
      out[i + 3] = in[i];
    }
    return out;
  }

  @Override
  public void close() {
    closed = true;
    Thread t = ticker;
    if (t != null) {
      t.interrupt();
    }
  }

  @Override
  public String toString() {
    return "local source " + name;
  }
}
