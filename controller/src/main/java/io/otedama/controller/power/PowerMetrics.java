package io.otedama.controller.power;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.otedama.controller.metrics.GaugeRows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The power metrics (docs/metrics.md): per PDU and outlet from the last poll, per switch port, per
 * rig (measured watts and J/TH), poll outcomes, outlet actions and the running curtailment.
 */
public final class PowerMetrics {
  private final MeterRegistry registry;
  private final MultiGauge pduUp;
  private final MultiGauge pduPower;
  private final MultiGauge outletPower;
  private final MultiGauge outletOn;
  private final MultiGauge switchUp;
  private final MultiGauge ifIn;
  private final MultiGauge ifOut;
  private final MultiGauge ifUp;
  private final GaugeRows rigWatts;
  private final GaugeRows rigEfficiency;
  private final AtomicReference<Double> fleetWatts = new AtomicReference<>(0.0);
  private final AtomicReference<double[]> curtailment =
      new AtomicReference<>(new double[] {0, 0, 0});
  private final Timer pollTime;

  public PowerMetrics(MeterRegistry registry) {
    this.registry = registry;
    pduUp =
        MultiGauge.builder("otedama.pdu.up")
            .description("1 when the PDU answered the last poll")
            .register(registry);
    pduPower = MultiGauge.builder("otedama.pdu.power.watts").baseUnit("watts").register(registry);
    outletPower =
        MultiGauge.builder("otedama.pdu.outlet.power.watts").baseUnit("watts").register(registry);
    outletOn =
        MultiGauge.builder("otedama.pdu.outlet.on").description("1 on, 0 off").register(registry);
    switchUp = MultiGauge.builder("otedama.power.switch.up").register(registry);
    ifIn =
        MultiGauge.builder("otedama.power.switch.if.in.octets")
            .description("ifHCInOctets as read")
            .register(registry);
    ifOut =
        MultiGauge.builder("otedama.power.switch.if.out.octets")
            .description("ifHCOutOctets as read")
            .register(registry);
    ifUp =
        MultiGauge.builder("otedama.power.switch.if.up")
            .description("ifOperStatus up(1)")
            .register(registry);
    rigWatts = new GaugeRows(registry, "otedama.power.rig.watts", null, "watts");
    rigEfficiency = new GaugeRows(registry, "otedama.power.rig.joules.per.terahash", null, null);
    io.micrometer.core.instrument.Gauge.builder(
            "otedama.power.fleet.watts", fleetWatts, AtomicReference::get)
        .description("measured fleet power: PDU outlets first, then reported, then nameplate")
        .register(registry);
    io.micrometer.core.instrument.Gauge.builder(
            "otedama.power.curtailment.active", curtailment, c -> c.get()[0])
        .register(registry);
    io.micrometer.core.instrument.Gauge.builder(
            "otedama.power.curtailment.goal.watts", curtailment, c -> c.get()[1])
        .register(registry);
    io.micrometer.core.instrument.Gauge.builder(
            "otedama.power.curtailment.measured.watts", curtailment, c -> c.get()[2])
        .register(registry);
    pollTime =
        Timer.builder("otedama.pdu.poll.seconds").description("one device poll").register(registry);
  }

  public void polled(PowerDevice device, DeviceReading reading, Duration took) {
    pollTime.record(took);
    Counter.builder("otedama.pdu.polls")
        .tags(
            "device",
            device.id(),
            "kind",
            device.kind(),
            "result",
            reading.reachable() ? "ok" : "failed")
        .register(registry)
        .increment();
  }

  /** Re-publishes every device gauge from the readings (devices that vanished drop out). */
  public void devices(List<PowerDevice> devices, Map<String, DeviceReading> readings) {
    List<MultiGauge.Row<?>> up = new ArrayList<>();
    List<MultiGauge.Row<?>> power = new ArrayList<>();
    List<MultiGauge.Row<?>> outletW = new ArrayList<>();
    List<MultiGauge.Row<?>> outletState = new ArrayList<>();
    List<MultiGauge.Row<?>> swUp = new ArrayList<>();
    List<MultiGauge.Row<?>> in = new ArrayList<>();
    List<MultiGauge.Row<?>> out = new ArrayList<>();
    List<MultiGauge.Row<?>> portUp = new ArrayList<>();
    for (PowerDevice d : devices) {
      DeviceReading r = readings.get(d.id());
      boolean reachable = r != null && r.reachable();
      if (d.isPdu()) {
        up.add(MultiGauge.Row.of(Tags.of("pdu", d.id()), reachable ? 1 : 0));
        if (reachable && r.powerW() != null) {
          power.add(MultiGauge.Row.of(Tags.of("pdu", d.id()), r.powerW()));
        }
        if (reachable) {
          for (OutletReading o : r.outlets()) {
            Tags tags = Tags.of("pdu", d.id(), "outlet", Integer.toString(o.index()));
            if (o.powerW() != null) {
              outletW.add(MultiGauge.Row.of(tags, o.powerW()));
            }
            outletState.add(MultiGauge.Row.of(tags, "on".equals(o.state()) ? 1 : 0));
          }
        }
      } else {
        swUp.add(MultiGauge.Row.of(Tags.of("switch", d.id()), reachable ? 1 : 0));
        if (reachable) {
          for (InterfaceReading i : r.interfaces()) {
            Tags tags =
                Tags.of(
                    "switch",
                    d.id(),
                    "interface",
                    i.name() == null ? Integer.toString(i.index()) : i.name());
            in.add(MultiGauge.Row.of(tags, i.inOctets()));
            out.add(MultiGauge.Row.of(tags, i.outOctets()));
            portUp.add(MultiGauge.Row.of(tags, i.up() ? 1 : 0));
          }
        }
      }
    }
    pduUp.register(up, true);
    pduPower.register(power, true);
    outletPower.register(outletW, true);
    outletOn.register(outletState, true);
    switchUp.register(swUp, true);
    ifIn.register(in, true);
    ifOut.register(out, true);
    ifUp.register(portUp, true);
  }

  public void rigs(List<RigPower> rigs) {
    Map<Tags, Double> watts = new HashMap<>();
    Map<Tags, Double> jth = new HashMap<>();
    double fleet = 0;
    for (RigPower r : rigs) {
      if (r.powerW() != null) {
        watts.put(Tags.of("rig", r.rigId(), "source", r.source()), r.powerW());
        fleet += r.powerW();
      }
      if (r.joulesPerTerahash() != null) {
        jth.put(Tags.of("rig", r.rigId()), r.joulesPerTerahash());
      }
    }
    rigWatts.set(watts);
    rigEfficiency.set(jth);
    fleetWatts.set(fleet);
  }

  public void action(String action, String trigger, String result) {
    Counter.builder("otedama.power.actions")
        .tags("action", action, "trigger", trigger, "result", result)
        .register(registry)
        .increment();
  }

  public void curtailment(boolean active, double goalW, double measuredW) {
    curtailment.set(new double[] {active ? 1 : 0, goalW, measuredW});
  }
}
