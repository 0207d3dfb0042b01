package io.otedama.controller.power;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.otedama.controller.api.ApiException;

/**
 * How the controller authenticates to a device: SNMP v2c with a community, or v3 USM with SHA
 * authentication and (when a privacy passphrase is given) AES-128 privacy.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SnmpCredentials(
    String version, String community, String user, String authPassphrase, String privPassphrase) {

  public static SnmpCredentials v2c(String community) {
    return new SnmpCredentials("v2c", community, null, null, null);
  }

  public static SnmpCredentials v3(String user, String auth, String priv) {
    return new SnmpCredentials("v3", null, user, auth, priv);
  }

  public boolean isV3() {
    return "v3".equals(version);
  }

  /** Checks the shape; a bad one is a 400 naming the field. */
  public SnmpCredentials validated() {
    if ("v2c".equals(version)) {
      if (community == null || community.isEmpty() || community.length() > 64) {
        throw ApiException.badRequest("SNMP v2c needs a community of 1 to 64 characters.");
      }
      return this;
    }
    if ("v3".equals(version)) {
      if (user == null || user.isBlank() || user.length() > 32) {
        throw ApiException.badRequest("SNMP v3 needs a user name of 1 to 32 characters.");
      }
      // RFC 3414 keys come from passphrases of at least 8 characters; SNMP4J enforces it too
      if (authPassphrase == null || authPassphrase.length() < 8) {
        throw ApiException.badRequest("SNMP v3 needs an authPassphrase of at least 8 characters.");
      }
      if (privPassphrase != null && privPassphrase.length() < 8) {
        throw ApiException.badRequest(
            "The SNMP v3 privPassphrase must have at least 8 characters (or be left out).");
      }
      return this;
    }
    throw ApiException.badRequest("SNMP version must be v2c or v3, got '" + version + "'.");
  }

  /** The credentials as the API shows them: secrets never leave the controller. */
  public SnmpCredentials masked() {
    return isV3()
        ? new SnmpCredentials(version, null, user, "***", privPassphrase == null ? null : "***")
        : new SnmpCredentials(version, "***", null, null, null);
  }
}
