package io.otedama.controller.work;

/**
 * What the upstream said about a submitted share.
 *
 * @param detail the upstream's reason text, or ours when it was not sent; null when accepted
 */
public record UpstreamResult(Status status, String pool, String detail) {
  /** The outcome; {@link #wireName()} is what the share log and the metrics store. */
  public enum Status {
    ACCEPTED("accepted"),
    REJECTED("rejected"),
    /** Rejected as stale by the upstream (error 21), or its session had already ended. */
    STALE("stale"),
    /** Not answered: the connection dropped or the answer timed out. */
    UNANSWERED("unanswered");

    private final String wireName;

    Status(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }

  public static UpstreamResult accepted(String pool) {
    return new UpstreamResult(Status.ACCEPTED, pool, null);
  }

  public boolean isAccepted() {
    return status == Status.ACCEPTED;
  }
}
