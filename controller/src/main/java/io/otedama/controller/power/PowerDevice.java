package io.otedama.controller.power;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A registered PDU ({@code kind} pdu) or switch ({@code kind} switch, profile if-mib). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PowerDevice(
    String id,
    String name,
    String kind,
    String host,
    int port,
    String profile,
    String site,
    SnmpCredentials credentials,
    GenericOids genericOids) {

  public boolean isPdu() {
    return "pdu".equals(kind);
  }

  public PduProfile pduProfile() {
    return PduProfile.of(profile, genericOids);
  }

  /** What the API shows: the same without secrets. */
  public PowerDevice masked() {
    return new PowerDevice(
        id, name, kind, host, port, profile, site, credentials.masked(), genericOids);
  }
}
