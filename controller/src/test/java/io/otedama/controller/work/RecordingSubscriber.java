package io.otedama.controller.work;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what was delivered to rigs, for assertions. */
public final class RecordingSubscriber implements WorkSubscriber {
  public record Delivery(RigWork rig, IssuedJob job, WorkSlice slice, double difficulty) {}

  public final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  public final List<String> withdrawals = new CopyOnWriteArrayList<>();

  @Override
  public void deliver(RigWork rig, IssuedJob job, WorkSlice slice, double difficulty) {
    deliveries.add(new Delivery(rig, job, slice, difficulty));
  }

  @Override
  public void withdrawn(RigWork rig, String why) {
    withdrawals.add(rig.key() + ": " + why);
  }

  public Delivery last() {
    return deliveries.get(deliveries.size() - 1);
  }
}
