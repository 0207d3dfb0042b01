package io.otedama.protocol.message;

import com.fasterxml.jackson.annotation.JsonValue;

/** The proof-of-work algorithm of a job; it also fixes what difficulty 1 means. */
public enum Algorithm implements WireEnum {
  SHA256D("sha256d"),
  SCRYPT("scrypt");

  private final String wireName;

  Algorithm(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  @Override
  public String wireName() {
    return wireName;
  }
}
