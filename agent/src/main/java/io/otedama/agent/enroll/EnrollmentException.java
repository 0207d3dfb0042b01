package io.otedama.agent.enroll;

/** The controller refused the enrollment or could not be reached; the message says which. */
public final class EnrollmentException extends RuntimeException {
  private final int status;

  public EnrollmentException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status, or 0 when there was no answer. */
  public int status() {
    return status;
  }
}
