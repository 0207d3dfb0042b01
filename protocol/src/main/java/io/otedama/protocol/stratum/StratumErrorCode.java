package io.otedama.protocol.stratum;

import java.util.Optional;

/** The Stratum v1 error codes of CONTRACTS.md §6, with the messages pools customarily send. */
public enum StratumErrorCode {
  OTHER(20, "Other/Unknown"),
  /** The job is stale or was never sent. */
  JOB_NOT_FOUND(21, "Job not found"),
  DUPLICATE_SHARE(22, "Duplicate share"),
  LOW_DIFFICULTY_SHARE(23, "Low difficulty share"),
  UNAUTHORIZED_WORKER(24, "Unauthorized worker"),
  NOT_SUBSCRIBED(25, "Not subscribed");

  private final int code;
  private final String defaultMessage;

  StratumErrorCode(int code, String defaultMessage) {
    this.code = code;
    this.defaultMessage = defaultMessage;
  }

  public int code() {
    return code;
  }

  public String defaultMessage() {
    return defaultMessage;
  }

  /** The known code with this number, if any. */
  public static Optional<StratumErrorCode> fromCode(int code) {
    for (StratumErrorCode c : values()) {
      if (c.code == code) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
