package io.otedama.agent.update;

/**
 * An update that cannot go on. {@code reason} is a short word for the console and the metrics
 * (download, size-mismatch, sha256-mismatch, signature-invalid, install, ...); the message says the
 * rest.
 */
public final class UpdateFailure extends Exception {
  private static final long serialVersionUID = 1L;
  private final String reason;

  public UpdateFailure(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public UpdateFailure(String reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
