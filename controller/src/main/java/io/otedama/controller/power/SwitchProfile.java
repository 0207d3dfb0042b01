package io.otedama.controller.power;

import org.snmp4j.smi.OID;

/** Switches through IF-MIB: ifXTable names and 64-bit octet counters, ifTable oper status. */
public final class SwitchProfile {
  public static final String ID = "if-mib";
  public static final OID IF_NAME = new OID("1.3.6.1.2.1.31.1.1.1.1");
  public static final OID IF_HC_IN_OCTETS = new OID("1.3.6.1.2.1.31.1.1.1.6");
  public static final OID IF_HC_OUT_OCTETS = new OID("1.3.6.1.2.1.31.1.1.1.10");
  public static final OID IF_OPER_STATUS = new OID("1.3.6.1.2.1.2.2.1.8");

  private SwitchProfile() {}
}
