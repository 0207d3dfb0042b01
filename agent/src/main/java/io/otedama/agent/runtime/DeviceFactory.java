package io.otedama.agent.runtime;

import io.otedama.agent.config.DeviceConfig;
import io.otedama.agent.device.MiningDevice;
import io.otedama.agent.device.ShareSink;
import io.otedama.agent.device.asic.AsicDevice;
import io.otedama.agent.device.asic.CgminerClient;
import io.otedama.agent.device.cpu.CpuDevice;
import io.otedama.agent.device.simulated.SimulatedDevice;
import io.otedama.agent.telemetry.HostSensors;
import java.util.ArrayList;
import java.util.List;

/** Builds the configured devices. */
public final class DeviceFactory {
  private DeviceFactory() {}

  /**
   * @param host the host's sensors (the CPU device reports them)
   * @param seed varies simulated devices between rigs
   */
  public static List<MiningDevice> create(
      List<DeviceConfig> configs,
      ShareSink sink,
      HostSensors host,
      AgentEnvironment env,
      long seed) {
    List<MiningDevice> out = new ArrayList<>();
    for (DeviceConfig c : configs) {
      out.add(
          switch (c) {
            case DeviceConfig.Cpu cpu ->
                new CpuDevice(cpu.id(), cpu.threads(), sink, host, env.clock());
            case DeviceConfig.Asic asic ->
                new AsicDevice(
                    asic.id(),
                    asic.model(),
                    new CgminerClient(asic.host(), asic.port(), asic.timeout()));
            case DeviceConfig.Simulated sim ->
                new SimulatedDevice(sim, sink, env.simulatedHashing(), env.clock(), seed);
          });
    }
    return out;
  }
}
