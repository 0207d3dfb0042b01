package io.otedama.controller.power;

import io.otedama.controller.api.ApiException;
import java.util.List;
import java.util.regex.Pattern;

/** Registers and removes devices, validating each field with a clear message. */
public final class PowerDevices {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private final PowerDeviceStore store;
  private final SnmpClient snmp;
  private final PowerReadings readings;

  public PowerDevices(PowerDeviceStore store, SnmpClient snmp, PowerReadings readings) {
    this.store = store;
    this.snmp = snmp;
    this.readings = readings;
  }

  public PowerDevice register(PowerDevice d) {
    if (d == null) {
      throw ApiException.badRequest("A device body is required.");
    }
    if (d.id() == null || !ID.matcher(d.id()).matches()) {
      throw ApiException.badRequest(
          "id must be 1 to 64 of a-z, 0-9, '.', '_', '-', starting with a letter or digit.");
    }
    if (d.host() == null || d.host().isBlank() || d.host().length() > 255) {
      throw ApiException.badRequest("host (name or address of the device) is required.");
    }
    if (d.port() < 0 || d.port() > 65535) {
      throw ApiException.badRequest("port must be from 1 to 65535 (default 161).");
    }
    String kind = d.kind() == null ? "pdu" : d.kind();
    if (!kind.equals("pdu") && !kind.equals("switch")) {
      throw ApiException.badRequest("kind must be pdu or switch.");
    }
    String profile =
        d.profile() == null ? (kind.equals("switch") ? SwitchProfile.ID : null) : d.profile();
    if (kind.equals("switch") && !SwitchProfile.ID.equals(profile)) {
      throw ApiException.badRequest("A switch is read through IF-MIB: profile must be if-mib.");
    }
    if (kind.equals("pdu")) {
      if (profile == null) {
        throw ApiException.badRequest(
            "A PDU needs a profile: apc-rpdu, apc-rpdu2, raritan-px2 or generic.");
      }
      PduProfile.of(profile, d.genericOids());
    }
    if (d.credentials() == null) {
      throw ApiException.badRequest(
          "credentials are required: {version: v2c, community} or"
              + " {version: v3, user, authPassphrase, privPassphrase}.");
    }
    d.credentials().validated();
    PowerDevice device =
        new PowerDevice(
            d.id(),
            d.name() == null || d.name().isBlank() ? d.id() : d.name(),
            kind,
            d.host(),
            d.port() == 0 ? 161 : d.port(),
            profile,
            d.site(),
            d.credentials(),
            d.genericOids());
    try {
      snmp.register(device.credentials());
    } catch (IllegalArgumentException e) {
      throw ApiException.conflict(e.getMessage());
    }
    if (!store.insert(device)) {
      throw ApiException.conflict("A device with id '" + d.id() + "' is already registered.");
    }
    return device;
  }

  public List<PowerDevice> list() {
    return store.list();
  }

  public PowerDevice get(String id) {
    return store
        .find(id)
        .orElseThrow(() -> ApiException.notFound("There is no power device '" + id + "'."));
  }

  public void remove(String id) {
    PowerDevice device = get(id);
    if (!store.delete(id)) {
      throw ApiException.notFound("There is no power device '" + id + "'.");
    }
    readings.remove(id);
    SnmpCredentials c = device.credentials();
    if (c.isV3()
        && store.list().stream()
            .noneMatch(d -> d.credentials().isV3() && d.credentials().user().equals(c.user()))) {
      snmp.unregister(c.user());
    }
  }
}
