package io.otedama.agent.testing;

import java.util.concurrent.CountDownLatch;

/**
 * The test enrollment endpoint as a program, for the simulator's memory measurements
 * (docs/performance.md): {@code java -cp <test classpath>
 * io.otedama.agent.testing.StandaloneEnrollmentServer <token> <mqtt url>} prints its URL and serves
 * until killed. Logins are not checked by a broker in that setup (Mosquitto with anonymous access),
 * so it only hands out rig ids and secrets like the controller would.
 */
public final class StandaloneEnrollmentServer {
  private StandaloneEnrollmentServer() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: StandaloneEnrollmentServer TOKEN MQTT_URL");
      System.exit(2);
    }
    EnrollmentServer server = new EnrollmentServer(new BrokerAccounts(), args[1]);
    server.allowToken(args[0]);
    System.out.println(server.url());
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
