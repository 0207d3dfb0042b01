package io.otedama.controller.power;

import io.otedama.agent.sim.FleetSimulator.SimulatedRig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/**
 * The wiring between a simulated APC rPDU2 (snmpsim) and the simulated rigs plugged into it, which
 * a recorded walk cannot do by itself: every {@code period} it reads each outlet's
 * rPDU2OutletSwitchedControlCommand as written through SNMP and powers the rig accordingly
 * (immediateOff: the rig loses power and drops off the broker; immediateOn: it boots and comes
 * back; immediateReboot: off for {@code rebootDuration}, then on, the control reading immediateOn
 * again as on the real PDU), and writes what each rig draws into the outlet's
 * rPDU2OutletMeteredStatusPower, so the controller's polls meter the rigs' real draw.
 */
final class OutletFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutletFeed.class);
  static final String CONTROL = "1.3.6.1.4.1.318.1.1.26.9.2.4.1.5.";
  static final String POWER = "1.3.6.1.4.1.318.1.1.26.9.4.3.1.7.";
  private static final int ON = 1;
  private static final int OFF = 2;
  private static final int REBOOT = 3;

  private final SnmpClient snmp;
  private final PowerDevice pdu;
  private final Map<Integer, SimulatedRig> outlets;
  private final Duration rebootDuration;
  private final Map<Integer, Long> rebootingSince = new HashMap<>();
  private final Map<Integer, Long> metered = new HashMap<>();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "outlet-feed");
        t.setDaemon(true);
        return t;
      });

  OutletFeed(
      SnmpClient snmp,
      PowerDevice pdu,
      Map<Integer, SimulatedRig> outlets,
      Duration rebootDuration,
      Duration period) {
    this.snmp = snmp;
    this.pdu = pdu;
    this.outlets = Map.copyOf(outlets);
    this.rebootDuration = rebootDuration;
    timer.scheduleWithFixedDelay(this::stepQuietly, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** What the PDU did to the rigs so far: "73 off", "73 on", "74 reboot", … */
  List<String> events() {
    return List.copyOf(events);
  }

  private void stepQuietly() {
    try {
      step();
    } catch (Exception e) {
      LOG.warn("outlet feed step failed: {}", e.toString());
    }
  }

  private synchronized void step() throws SnmpException {
    List<OID> controls = new ArrayList<>();
    outlets.keySet().forEach(o -> controls.add(new OID(CONTROL + o)));
    Map<OID, Variable> read = snmp.get(pdu, controls);
    long now = System.nanoTime();
    for (Map.Entry<Integer, SimulatedRig> e : outlets.entrySet()) {
      int outlet = e.getKey();
      SimulatedRig rig = e.getValue();
      Variable v = read.get(new OID(CONTROL + outlet));
      int command = v == null ? ON : v.toInt();
      if (command == REBOOT) {
        Long since = rebootingSince.get(outlet);
        if (since == null) {
          rebootingSince.put(outlet, now);
          events.add(outlet + " reboot");
          if (rig.powered()) {
            rig.powerOff();
          }
        } else if (now - since >= rebootDuration.toNanos()) {
          snmp.set(pdu, new OID(CONTROL + outlet), new Integer32(ON));
          rebootingSince.remove(outlet);
          rig.powerOn();
          events.add(outlet + " on");
        }
      } else if (command == OFF && rig.powered()) {
        rebootingSince.remove(outlet);
        rig.powerOff();
        events.add(outlet + " off");
      } else if (command == ON && !rig.powered()) {
        rebootingSince.remove(outlet);
        rig.powerOn();
        events.add(outlet + " on");
      }
      long watts = Math.round(rig.drawW());
      Long last = metered.get(outlet);
      if (last == null || Math.abs(last - watts) >= 5) {
        snmp.set(pdu, new OID(POWER + outlet), new Integer32((int) watts));
        metered.put(outlet, watts);
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
