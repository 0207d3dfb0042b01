package io.otedama.controller.power;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/**
 * Writes to outlets, safely: first walks the PDU's outlet names and refuses unless the mapped index
 * carries the mapped name (a wrong index switches off somebody else's machine), then checks the
 * per-PDU limit (never more than M outlet writes a minute on one PDU), then SETs the command and,
 * for on/off, reads the state back. Every outcome, refusals included, goes to the action log.
 */
public final class OutletSwitch {
  private static final Duration WINDOW = Duration.ofMinutes(1);
  private final SnmpClient snmp;
  private final PowerActionLog log;
  private final Clock clock;
  private final int maxWritesPerMinutePerPdu;
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  public OutletSwitch(
      SnmpClient snmp, PowerActionLog log, Clock clock, int maxWritesPerMinutePerPdu) {
    this.snmp = snmp;
    this.log = log;
    this.clock = clock;
    this.maxWritesPerMinutePerPdu = maxWritesPerMinutePerPdu;
  }

  /** What a write did: the state read back (for on/off) and a sentence for people. */
  public record Outcome(String state, String detail) {}

  /**
   * Switches the mapped outlet. Serialized per PDU so two writers cannot both pass the limit.
   *
   * @throws OutletRefusedException name mismatch (409) or rate limit (429): nothing was written
   * @throws SnmpException the PDU did not answer or refused the SET (logged as failed)
   */
  public Outcome apply(
      PowerDevice pdu, OutletMapping mapping, OutletAction action, String trigger, String actor)
      throws OutletRefusedException, SnmpException {
    synchronized (lockFor(pdu.id())) {
      return applyLocked(pdu, mapping, action, trigger, actor);
    }
  }

  private Outcome applyLocked(
      PowerDevice pdu, OutletMapping mapping, OutletAction action, String trigger, String actor)
      throws OutletRefusedException, SnmpException {
    PduProfile profile = pdu.pduProfile();
    Instant now = clock.instant();
    String where = pdu.id() + " outlet " + mapping.outletIndex();
    String reportedName;
    try {
      reportedName = outletNames(pdu, profile).get(new OID(new int[] {mapping.outletIndex()}));
    } catch (SnmpException e) {
      record(mapping, pdu, action, trigger, actor, "failed", "name check: " + e.getMessage());
      throw e;
    }
    if (reportedName == null || !reportedName.equals(mapping.outletName())) {
      String detail =
          where
              + " is named '"
              + (reportedName == null ? "(no such outlet)" : reportedName)
              + "' on the PDU, not '"
              + mapping.outletName()
              + "' as mapped; nothing was switched";
      record(mapping, pdu, action, trigger, actor, "refused", detail);
      throw new OutletRefusedException(409, detail + ".");
    }
    int recent = log.writesSince(pdu.id(), now.minus(WINDOW));
    if (recent >= maxWritesPerMinutePerPdu) {
      String detail =
          pdu.id()
              + " already had "
              + recent
              + " outlet writes in the last minute (limit "
              + maxWritesPerMinutePerPdu
              + "); "
              + action.word()
              + " of outlet "
              + mapping.outletIndex()
              + " not sent";
      record(mapping, pdu, action, trigger, actor, "refused", detail);
      throw new OutletRefusedException(429, detail + ".");
    }
    OID control = PduProfile.instance(profile.controlColumn(), mapping.outletIndex());
    try {
      snmp.set(pdu, control, new Integer32(action.command(profile)));
    } catch (SnmpException e) {
      record(mapping, pdu, action, trigger, actor, "failed", e.getMessage());
      throw e;
    }
    String state = null;
    if (action != OutletAction.CYCLE) {
      state = readState(pdu, profile, mapping, action, trigger, actor);
      if (!state.equals(action.word())) {
        String detail = where + " reads '" + state + "' after " + action.word();
        record(mapping, pdu, action, trigger, actor, "failed", detail);
        throw new SnmpException(detail, false);
      }
    }
    String detail = where + " ('" + mapping.outletName() + "') " + action.word();
    record(mapping, pdu, action, trigger, actor, "done", detail);
    return new Outcome(state, detail);
  }

  private String readState(
      PowerDevice pdu,
      PduProfile profile,
      OutletMapping mapping,
      OutletAction action,
      String trigger,
      String actor)
      throws SnmpException {
    OID stateOid = PduProfile.instance(profile.outletStateColumn(), mapping.outletIndex());
    try {
      Variable v = snmp.get(pdu, List.of(stateOid)).get(stateOid);
      return v == null ? "unknown" : profile.stateWord(v.toInt());
    } catch (SnmpException e) {
      record(mapping, pdu, action, trigger, actor, "failed", "read back: " + e.getMessage());
      throw e;
    }
  }

  private Map<OID, String> outletNames(PowerDevice pdu, PduProfile profile) throws SnmpException {
    Map<OID, Variable[]> rows = snmp.table(pdu, List.of(profile.outletNameColumn()));
    Map<OID, String> names = new HashMap<>();
    rows.forEach((index, cells) -> names.put(index, cells[0] == null ? null : cells[0].toString()));
    return names;
  }

  private void record(
      OutletMapping m,
      PowerDevice pdu,
      OutletAction action,
      String trigger,
      String actor,
      String result,
      String detail) {
    log.record(
        clock.instant(),
        m.rigId(),
        pdu.id(),
        m.outletIndex(),
        pdu.site(),
        action.word(),
        trigger,
        actor,
        result,
        detail);
  }

  private Object lockFor(String deviceId) {
    return locks.computeIfAbsent(deviceId, k -> new Object());
  }
}
