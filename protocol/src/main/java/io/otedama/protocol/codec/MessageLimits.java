package io.otedama.protocol.codec;

/** The limits the codec enforces on every MQTT payload; docs/protocol.md lists them too. */
public final class MessageLimits {
  /** Largest payload accepted, checked before parsing (CONTRACTS.md §5). */
  public static final int MAX_PAYLOAD_BYTES = 64 * 1024;

  /** Deepest JSON nesting accepted (objects and arrays); command args are the deepest use. */
  public static final int MAX_NESTING_DEPTH = 16;

  /** How far ahead of the receiver's clock a {@code ts} may be; more means a broken clock. */
  public static final long MAX_CLOCK_AHEAD_MS = 24L * 60 * 60 * 1000;

  public static final int MAX_DEVICES = 256;

  /**
   * Most shares in one batch. The payload limit usually binds first (a share takes 100 to 400
   * bytes); senders should split batches at {@link #SAFE_SHARES_PER_BATCH}.
   */
  public static final int MAX_SHARES_PER_BATCH = 500;

  /** A batch of this many shares always fits {@link #MAX_PAYLOAD_BYTES}, whatever the fields. */
  public static final int SAFE_SHARES_PER_BATCH = 128;

  public static final int MAX_CAPABILITIES = 64;
  public static final int MAX_MERKLE_BRANCH = 32;

  /** Ids: command, share, job and device ids, hardware ids. */
  public static final int MAX_ID_LENGTH = 64;

  /** Short names: kinds, models, versions, statuses, host names, capabilities. */
  public static final int MAX_NAME_LENGTH = 128;

  /** Free text: reasons and messages for humans. */
  public static final int MAX_TEXT_LENGTH = 1024;

  /** Coinbase halves in hex digits (8 KiB of coinbase each). */
  public static final int MAX_COINBASE_HEX = 16 * 1024;

  /** Extranonce1 and extranonce2 length in bytes. */
  public static final int MAX_EXTRANONCE_BYTES = 16;

  public static final double MIN_TEMPERATURE_C = -50;
  public static final double MAX_TEMPERATURE_C = 200;

  /** 1 ZH/s: far above any rig, low enough to catch garbage and infinities. */
  public static final double MAX_HASHRATE_HS = 1e21;

  /** 10 MW: a site collector reporting a whole container still fits. */
  public static final double MAX_POWER_W = 1e7;

  public static final int MAX_FAN_RPM = 100_000;

  /** 100 years. */
  public static final long MAX_UPTIME_S = 100L * 366 * 24 * 60 * 60;

  /** Share difficulty and share target difficulty: finite, positive, at most this. */
  public static final double MAX_DIFFICULTY = 1e30;

  private MessageLimits() {}
}
