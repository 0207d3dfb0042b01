package io.otedama.agent.device.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import io.otedama.agent.config.DeviceConfig;
import io.otedama.agent.device.AssignedWork;
import io.otedama.agent.device.DeviceState;
import io.otedama.agent.device.PowerMode;
import io.otedama.agent.testing.TestWork;
import io.otedama.protocol.message.DeviceTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The simulated miner's model on a clock the test moves. */
class SimulatedDeviceTest {
  static final SimulatedHashing HASHING = new SimulatedHashing(1);

  @AfterAll
  static void stop() {
    HASHING.close();
  }

  static final class MovingClock extends Clock {
    long millis = 1_700_000_000_000L;

    void advance(Duration d) {
      millis += d.toMillis();
    }

    @Override
    public long millis() {
      return millis;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  final MovingClock clock = new MovingClock();

  SimulatedDevice device(DeviceConfig.Failure failure) {
    DeviceConfig.Simulated config =
        new DeviceConfig.Simulated("sim0", "Simulated S19", 100e12, 3000, 25, 45, 0, failure);
    return new SimulatedDevice(config, (id, share) -> {}, HASHING, clock, 1);
  }

  static AssignedWork work() {
    return AssignedWork.from(TestWork.assignment("j", 1e-5, true, "00"));
  }

  @Test
  void warmsUpUnderLoadAndReportsItsNominalFigures() {
    SimulatedDevice d = device(DeviceConfig.Failure.NONE);
    assertThat(d.state()).isEqualTo(DeviceState.IDLE);
    assertThat(d.hashrateHs()).isZero();
    double cold = d.temperatureC();
    d.applyWork(work());
    clock.advance(Duration.ofMinutes(10));
    DeviceTelemetry t = d.telemetry();
    assertThat(t.status()).isEqualTo("mining");
    assertThat(t.hashrateHs()).isBetween(90e12, 110e12);
    assertThat(t.temperatureC()).isBetween(cold + 35, 25 + 3 + 45 + 0.5);
    assertThat(t.powerW()).isBetween(2900.0, 3100.0);
    assertThat(t.fanRpm()).isGreaterThan(4000);

    d.setPowerMode(PowerMode.LOW);
    assertThat(d.telemetry().powerW()).isLessThan(2000.0);
    assertThat(d.hashrateHs()).isLessThan(80e12);

    d.setPowerMode(PowerMode.SLEEP);
    assertThat(d.telemetry().status()).isEqualTo("idle");
    assertThat(d.hashrateHs()).isZero();
    assertThat(d.telemetry().powerW()).isLessThan(300.0);
    d.setPowerMode(PowerMode.NORMAL);
    assertThat(d.telemetry().status()).isEqualTo("mining");
    assertThat(d.hashrateHs()).isGreaterThan(80e12);

    d.stop();
    assertThat(d.telemetry().status()).isEqualTo("stopped");
    assertThat(d.hashrateHs()).isZero();
    clock.advance(Duration.ofMinutes(10));
    assertThat(d.telemetry().temperatureC()).isLessThan(35.0); // cooled down
  }

  @Test
  void overheatsWhenItsFanDiesAndRecoversAfterCooling() {
    SimulatedDevice d = device(new DeviceConfig.Failure("overheat", Duration.ofMinutes(5), 1));
    d.applyWork(work());
    clock.advance(Duration.ofMinutes(4));
    assertThat(d.telemetry().status()).isEqualTo("mining");
    clock.advance(Duration.ofMinutes(1));
    assertThat(d.telemetry().fanRpm()).isZero();
    boolean overheated = false;
    for (int i = 0; i < 60 && !overheated; i++) {
      clock.advance(Duration.ofSeconds(10));
      overheated = d.telemetry().status().equals("overheat");
    }
    assertThat(overheated).isTrue();
    assertThat(d.telemetry().temperatureC()).isGreaterThanOrEqualTo(SimulatedDevice.OVERHEAT_C);
    assertThat(d.hashrateHs()).isZero();
    // throttled, it cools below the recovery point and mines again (until it overheats again)
    boolean recovered = false;
    for (int i = 0; i < 120 && !recovered; i++) {
      clock.advance(Duration.ofSeconds(5));
      recovered = d.telemetry().status().equals("mining");
    }
    assertThat(recovered).isTrue();
  }

  @Test
  void aHashrateDropAndAHangAreWhatTheySay() {
    SimulatedDevice drop =
        device(new DeviceConfig.Failure("hashrate-drop", Duration.ofMinutes(1), 0.4));
    drop.applyWork(work());
    clock.advance(Duration.ofMinutes(2));
    assertThat(drop.hashrateHs()).isBetween(35e12, 45e12);
    drop.close();

    SimulatedDevice hang = device(new DeviceConfig.Failure("hang", Duration.ofMinutes(1), 1));
    hang.applyWork(work());
    clock.advance(Duration.ofMinutes(2));
    assertThat(hang.telemetry().status()).isEqualTo("hung");
    assertThat(hang.hashrateHs()).isZero();
    hang.restart();
    assertThat(hang.telemetry().status()).isEqualTo("mining");
    clock.advance(Duration.ofMinutes(2));
    assertThat(hang.telemetry().status())
        .as("the failure comes back after a restart")
        .isEqualTo("hung");
  }
}
