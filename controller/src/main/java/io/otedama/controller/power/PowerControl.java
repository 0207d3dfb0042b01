package io.otedama.controller.power;

import io.otedama.controller.api.ApiException;

/**
 * Outlet actions on a rig by its mapping (operators through the API, the watchdog, curtailment):
 * finds the mapping and the PDU, and turns refusals and SNMP failures into clear API errors.
 */
public final class PowerControl {
  private final OutletMappingStore mappings;
  private final PowerDeviceStore devices;
  private final OutletSwitch outlets;

  public PowerControl(OutletMappingStore mappings, PowerDeviceStore devices, OutletSwitch outlets) {
    this.mappings = mappings;
    this.devices = devices;
    this.outlets = outlets;
  }

  /** For the API: 404 unmapped, 409 name mismatch, 429 rate limit, 502 PDU failure. */
  public OutletSwitch.Outcome apply(String rigId, OutletAction action, String actor) {
    OutletMapping mapping =
        mappings
            .forRig(rigId)
            .orElseThrow(
                () -> ApiException.notFound("Rig '" + rigId + "' is not mapped to a PDU outlet."));
    PowerDevice pdu =
        devices
            .find(mapping.deviceId())
            .orElseThrow(() ->
                ApiException.notFound("The PDU '" + mapping.deviceId() + "' is not registered."));
    try {
      return outlets.apply(pdu, mapping, action, "operator", actor);
    } catch (OutletRefusedException e) {
      throw new ApiException(e.status(), e.getMessage());
    } catch (SnmpException e) {
      throw new ApiException(
          502, "The PDU did not carry out the " + action.word() + ": " + e.getMessage());
    }
  }

  /** For automation: the outcome, or the reason it did not happen. */
  public String tryApply(OutletMapping mapping, OutletAction action, String trigger, String actor) {
    PowerDevice pdu = devices.find(mapping.deviceId()).orElse(null);
    if (pdu == null) {
      return "PDU " + mapping.deviceId() + " is not registered";
    }
    try {
      outlets.apply(pdu, mapping, action, trigger, actor);
      return null;
    } catch (OutletRefusedException | SnmpException e) {
      return e.getMessage();
    }
  }
}
