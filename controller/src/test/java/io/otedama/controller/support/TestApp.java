package io.otedama.controller.support;

import io.otedama.controller.ControllerCore;
import io.otedama.controller.OtedamaApplication;
import io.otedama.controller.commands.CommandPublisher;
import java.time.Clock;
import java.time.Instant;

/** The real application with the two test seams: a hand-moved clock and a recording transport. */
public class TestApp extends OtedamaApplication {
  public final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  public final RecordingCommandPublisher publisher = new RecordingCommandPublisher();

  @Override
  protected Clock clock() {
    return clock;
  }

  @Override
  protected CommandPublisher connectRigTransport(ControllerCore core) {
    return publisher;
  }
}
