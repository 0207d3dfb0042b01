package io.otedama.controller.power;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/** Reads one device over SNMP according to its profile. */
public final class DeviceReader {
  private final SnmpClient snmp;

  public DeviceReader(SnmpClient snmp) {
    this.snmp = snmp;
  }

  public DeviceReading read(PowerDevice device, Instant at) throws SnmpException {
    return device.isPdu() ? readPdu(device, at) : readSwitch(device, at);
  }

  private DeviceReading readPdu(PowerDevice device, Instant at) throws SnmpException {
    PduProfile p = device.pduProfile();
    Map<OID, Variable[]> rows =
        snmp.table(device, List.of(p.outletNameColumn(), p.outletStateColumn()));
    List<OID> powerOids = new ArrayList<>();
    if (p.devicePower() != null) {
      powerOids.add(p.devicePower());
    }
    List<Integer> indexes = new ArrayList<>();
    for (OID index : rows.keySet()) {
      // a multi-part index would be another table's row; outlets are indexed by one number
      if (index.size() == 1) {
        indexes.add(index.get(0));
        OID power = p.outletPowerOid(index.get(0));
        if (power != null) {
          powerOids.add(power);
        }
      }
    }
    Map<OID, Variable> values = powerOids.isEmpty() ? Map.of() : snmp.get(device, powerOids);
    Double total = null;
    if (p.devicePower() != null && values.get(p.devicePower()) != null) {
      total = values.get(p.devicePower()).toLong() * p.devicePowerScale();
    }
    List<OutletReading> outlets = new ArrayList<>();
    for (int index : indexes) {
      Variable[] row = rows.get(new OID(new int[] {index}));
      String name = row[0] == null ? null : row[0].toString();
      String state = row[1] == null ? "unknown" : p.stateWord(row[1].toInt());
      OID powerOid = p.outletPowerOid(index);
      Variable power = powerOid == null ? null : values.get(powerOid);
      outlets.add(
          new OutletReading(
              index, name, state, power == null ? null : power.toLong() * p.outletPowerScale()));
    }
    if (total == null && !outlets.isEmpty() && outlets.stream().allMatch(o -> o.powerW() != null)) {
      total = outlets.stream().mapToDouble(OutletReading::powerW).sum();
    }
    return new DeviceReading(device.id(), at, true, null, total, outlets, List.of());
  }

  private DeviceReading readSwitch(PowerDevice device, Instant at) throws SnmpException {
    Map<OID, Variable[]> names =
        snmp.table(
            device,
            List.of(
                SwitchProfile.IF_NAME,
                SwitchProfile.IF_HC_IN_OCTETS,
                SwitchProfile.IF_HC_OUT_OCTETS));
    Map<OID, Variable[]> oper = snmp.table(device, List.of(SwitchProfile.IF_OPER_STATUS));
    List<InterfaceReading> interfaces = new ArrayList<>();
    for (Map.Entry<OID, Variable[]> row : names.entrySet()) {
      if (row.getKey().size() != 1) {
        continue;
      }
      Variable[] v = row.getValue();
      Variable[] status = oper.get(row.getKey());
      interfaces.add(
          new InterfaceReading(
              row.getKey().get(0),
              v[0] == null ? null : v[0].toString(),
              v[1] == null ? 0 : v[1].toLong(),
              v[2] == null ? 0 : v[2].toLong(),
              status != null && status[0] != null && status[0].toInt() == 1));
    }
    return new DeviceReading(device.id(), at, true, null, null, List.of(), interfaces);
  }
}
