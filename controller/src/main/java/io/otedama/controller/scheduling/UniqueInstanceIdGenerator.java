package io.otedama.controller.scheduling;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.quartz.spi.InstanceIdGenerator;

/**
 * {@code instanceId = AUTO}: host name plus a random suffix. Quartz's default (host name plus the
 * current millisecond) can repeat when two schedulers start in the same millisecond on one host,
 * and two cluster members with one id would take each other's triggers for their own.
 */
public final class UniqueInstanceIdGenerator implements InstanceIdGenerator {
  @Override
  public String generateInstanceId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    if (host.length() > 120) {
      host = host.substring(0, 120);
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 13);
  }
}
