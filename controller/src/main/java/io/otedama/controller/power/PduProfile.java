package io.otedama.controller.power;

import io.otedama.controller.api.ApiException;
import java.util.Map;
import java.util.Set;
import org.snmp4j.smi.OID;

/**
 * Where a vendor keeps a PDU's figures and switches. Columns are table columns; an outlet's
 * instance is column + outlet index (+ {@code powerSuffix} for the outlet power, as Raritan indexes
 * sensors by type). Scales turn raw values into watts.
 */
public record PduProfile(
    String id,
    OID devicePower,
    double devicePowerScale,
    OID outletNameColumn,
    OID outletStateColumn,
    int stateOn,
    int stateOff,
    OID outletPowerColumn,
    int[] powerSuffix,
    double outletPowerScale,
    OID controlColumn,
    int commandOn,
    int commandOff,
    int commandCycle) {

  /**
   * APC PowerNet rPDU (AP78xx): rPDUIdentDevicePowerWatts, rPDUOutletControlOutletName; the state
   * is read from rPDUOutletControlOutletCommand (reading it returns
   * immediateOn(1)/immediateOff(2)), which is also the control. rPDU reports outlet current only,
   * not watts, so no outlet power.
   */
  public static final PduProfile APC_RPDU =
      new PduProfile(
          "apc-rpdu",
          new OID("1.3.6.1.4.1.318.1.1.12.1.16.0"),
          1.0,
          new OID("1.3.6.1.4.1.318.1.1.12.3.3.1.1.2"),
          new OID("1.3.6.1.4.1.318.1.1.12.3.3.1.1.4"),
          1,
          2,
          null,
          new int[0],
          1.0,
          new OID("1.3.6.1.4.1.318.1.1.12.3.3.1.1.4"),
          1,
          2,
          3);

  /**
   * APC PowerNet rPDU2 (AP84xx/86xx/89xx): rPDU2DeviceStatusPower (hundredths of kW),
   * rPDU2OutletSwitchedStatusName, rPDU2OutletMeteredStatusPower (W), and
   * rPDU2OutletSwitchedControlCommand as state (immediateOn(1)/immediateOff(2)) and control
   * (immediateReboot(3) cycles).
   */
  public static final PduProfile APC_RPDU2 =
      new PduProfile(
          "apc-rpdu2",
          new OID("1.3.6.1.4.1.318.1.1.26.4.3.1.5.1"),
          10.0,
          new OID("1.3.6.1.4.1.318.1.1.26.9.2.3.1.3"),
          new OID("1.3.6.1.4.1.318.1.1.26.9.2.4.1.5"),
          1,
          2,
          new OID("1.3.6.1.4.1.318.1.1.26.9.4.3.1.7"),
          new int[0],
          1.0,
          new OID("1.3.6.1.4.1.318.1.1.26.9.2.4.1.5"),
          1,
          2,
          3);

  /**
   * Raritan PX2/PX3 (PDU2-MIB, pduId 1): inlet activePower (measurementsInletSensorValue.1.1.5),
   * outletName, outletSwitchingState (on(7)/off(8)), measurementsOutletSensorValue.1.N.5
   * (activePower) and switchingOperation (off(0), on(1), cycle(2)).
   */
  public static final PduProfile RARITAN_PX2 =
      new PduProfile(
          "raritan-px2",
          new OID("1.3.6.1.4.1.13742.6.5.2.3.1.4.1.1.5"),
          1.0,
          new OID("1.3.6.1.4.1.13742.6.3.5.3.1.3.1"),
          new OID("1.3.6.1.4.1.13742.6.4.1.2.1.3.1"),
          7,
          8,
          new OID("1.3.6.1.4.1.13742.6.5.4.3.1.4.1"),
          new int[] {5},
          1.0,
          new OID("1.3.6.1.4.1.13742.6.4.1.2.1.2.1"),
          1,
          0,
          2);

  private static final Map<String, PduProfile> BUILT_IN =
      Map.of(APC_RPDU.id, APC_RPDU, APC_RPDU2.id, APC_RPDU2, RARITAN_PX2.id, RARITAN_PX2);

  /** Profile names a device may have (switches use {@code if-mib}). */
  public static final Set<String> NAMES =
      Set.of("apc-rpdu", "apc-rpdu2", "raritan-px2", "generic", SwitchProfile.ID);

  /** The profile of a PDU: a built-in one, or the generic one from its configured OIDs. */
  public static PduProfile of(String id, GenericOids generic) {
    PduProfile builtIn = BUILT_IN.get(id);
    if (builtIn != null) {
      return builtIn;
    }
    if (!"generic".equals(id)) {
      throw ApiException.badRequest(
          "Unknown PDU profile '" + id + "'; one of apc-rpdu, apc-rpdu2, raritan-px2, generic.");
    }
    if (generic == null
        || generic.outletNameColumn() == null
        || generic.outletStateColumn() == null
        || generic.controlColumn() == null) {
      throw ApiException.badRequest(
          "The generic profile needs genericOids with at least outletNameColumn,"
              + " outletStateColumn and controlColumn.");
    }
    double scale = generic.powerScale() == 0 ? 1.0 : generic.powerScale();
    return new PduProfile(
        "generic",
        oid(generic.devicePower(), "devicePower"),
        scale,
        oid(generic.outletNameColumn(), "outletNameColumn"),
        oid(generic.outletStateColumn(), "outletStateColumn"),
        generic.stateOn(),
        generic.stateOff(),
        oid(generic.outletPowerColumn(), "outletPowerColumn"),
        new int[0],
        scale,
        oid(generic.controlColumn(), "controlColumn"),
        generic.commandOn(),
        generic.commandOff(),
        generic.commandCycle());
  }

  private static OID oid(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (!text.matches("\\.?\\d+(\\.\\d+)+")) {
      throw ApiException.badRequest(
          "genericOids."
              + field
              + " must be a numeric OID like 1.3.6.1.4.1.x, got '"
              + text
              + "'.");
    }
    return new OID(text.startsWith(".") ? text.substring(1) : text);
  }

  /** The outlet's state as a word: on, off, or unknown(raw). */
  public String stateWord(int raw) {
    if (raw == stateOn) {
      return "on";
    }
    if (raw == stateOff) {
      return "off";
    }
    return "unknown(" + raw + ")";
  }

  public OID outletPowerOid(int index) {
    if (outletPowerColumn == null) {
      return null;
    }
    OID oid = new OID(outletPowerColumn);
    oid.append(index);
    for (int s : powerSuffix) {
      oid.append(s);
    }
    return oid;
  }

  public static OID instance(OID column, int index) {
    OID oid = new OID(column);
    oid.append(index);
    return oid;
  }
}
