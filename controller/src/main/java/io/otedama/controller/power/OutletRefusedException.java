package io.otedama.controller.power;

/** An outlet write the safety rules stopped before anything reached the PDU. */
public class OutletRefusedException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int status;

  public OutletRefusedException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status an API caller gets: 409 for a mismatch, 429 for a rate limit. */
  public int status() {
    return status;
  }
}
