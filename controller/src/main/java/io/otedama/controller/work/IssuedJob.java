package io.otedama.controller.work;

import io.otedama.protocol.message.WorkJob;
import io.otedama.protocol.stratum.MiningNotify;
import java.time.Duration;
import java.time.Instant;

/**
 * A job as a {@link WorkFeed} hands it to rigs: the source's job under a short local id (unique in
 * the feed across reconnects and failovers, so a share can never be matched to another pool's job
 * of the same name), the slice layout of its session, and the shares seen for it. Superseded when a
 * clean job or a new session follows it.
 */
public final class IssuedJob {
  private final String id;
  private final long number;
  private final SourceJob source;
  private final SliceLayout layout;
  private final Instant issuedAt;
  private final SeenShares seen;
  private final WorkJob wireJob;
  private final MiningNotify notify;
  private volatile Instant supersededAt;
  private volatile byte[] notifyLine;
  private volatile byte[] cleanNotifyLine;

  IssuedJob(
      long number, SourceJob source, SliceLayout layout, Instant issuedAt, int dedupCapacity) {
    this.number = number;
    this.id = Long.toHexString(number);
    this.source = source;
    this.layout = layout;
    this.issuedAt = issuedAt;
    this.seen = new SeenShares(dedupCapacity);
    MiningNotify n = source.upstreamNotify();
    this.notify =
        new MiningNotify(
            id,
            n.prevhash(),
            n.coinb1(),
            n.coinb2(),
            n.merkleBranch(),
            n.version(),
            n.nbits(),
            n.ntime(),
            n.cleanJobs());
    this.wireJob =
        new WorkJob(
            id,
            n.prevhash(),
            n.coinb1(),
            n.coinb2(),
            n.merkleBranch(),
            n.version(),
            n.nbits(),
            n.ntime(),
            n.cleanJobs());
  }

  /** The feed's sequence number of this job: a later job of the same feed has a higher one. */
  public long number() {
    return number;
  }

  /** The local job id rigs see. */
  public String id() {
    return id;
  }

  public SourceJob source() {
    return source;
  }

  public SourceSession session() {
    return source.session();
  }

  public SliceLayout layout() {
    return layout;
  }

  public Instant issuedAt() {
    return issuedAt;
  }

  public SeenShares seen() {
    return seen;
  }

  /** The job as the MQTT work assignment carries it (local id). */
  public WorkJob wireJob() {
    return wireJob;
  }

  /** The job as a Stratum {@code mining.notify} to miners (local id). */
  public MiningNotify notifyMessage() {
    return notify;
  }

  /**
   * The {@code mining.notify} line for Stratum miners, encoded once per job and shared by every
   * connection; {@code forceClean} gives the variant with clean_jobs set.
   */
  public byte[] notifyLine(io.otedama.protocol.stratum.StratumCodec codec, boolean forceClean) {
    boolean clean = forceClean && !notify.cleanJobs();
    byte[] line = clean ? cleanNotifyLine : notifyLine;
    if (line == null) {
      MiningNotify n = clean ? withVersion(notify.version(), true) : notify;
      line = codec.encodeBytes(n);
      if (clean) {
        cleanNotifyLine = line;
      } else {
        notifyLine = line;
      }
    }
    return line;
  }

  /** The notify with another version field (a rig's version window) and clean flag. */
  public MiningNotify withVersion(String version, boolean cleanJobs) {
    return withVersionAndNtime(version, notify.ntime(), cleanJobs);
  }

  /** The notify with other version and ntime fields (a rig's windows) and clean flag. */
  public MiningNotify withVersionAndNtime(String version, String ntime, boolean cleanJobs) {
    return new MiningNotify(
        id,
        notify.prevhash(),
        notify.coinb1(),
        notify.coinb2(),
        notify.merkleBranch(),
        version,
        notify.nbits(),
        ntime,
        cleanJobs);
  }

  /** When a clean job or a new session made this one obsolete, or null while current. */
  public Instant supersededAt() {
    return supersededAt;
  }

  void supersede(Instant at) {
    if (supersededAt == null) {
      supersededAt = at;
    }
  }

  /** Whether a share received at {@code now} is too late for this job. */
  public boolean isStale(Instant now, Duration grace) {
    Instant at = supersededAt;
    return at != null && now.isAfter(at.plus(grace));
  }

  @Override
  public String toString() {
    return "job " + id + " (upstream " + source.upstreamJobId() + ", " + source.session() + ")";
  }
}
