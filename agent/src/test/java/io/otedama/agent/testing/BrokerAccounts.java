package io.otedama.agent.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MQTT logins a test broker accepts: rigs (username = rig id = client id) as the enrollment
 * server hands them out, and the controller's own login.
 */
public final class BrokerAccounts {
  public static final String CONTROLLER = "controller";
  public static final String CONTROLLER_PASSWORD = "controller-secret";

  private final Map<String, String> passwords = new ConcurrentHashMap<>();

  public BrokerAccounts() {
    passwords.put(CONTROLLER, CONTROLLER_PASSWORD);
  }

  public void put(String username, String password) {
    passwords.put(username, password);
  }

  public void remove(String username) {
    passwords.remove(username);
  }

  public boolean matches(String username, String password) {
    return username != null && password != null && password.equals(passwords.get(username));
  }

  public Map<String, String> all() {
    return Map.copyOf(passwords);
  }
}
