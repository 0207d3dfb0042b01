package io.otedama.controller.power;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.snmp4j.CommunityTarget;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.Target;
import org.snmp4j.UserTarget;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;
import org.snmp4j.util.DefaultPDUFactory;
import org.snmp4j.util.TableEvent;
import org.snmp4j.util.TableUtils;

/**
 * One SNMP4J session (one UDP socket) for all devices: v2c and v3 USM (SHA, AES-128), GET, SET and
 * table walks with the configured timeout and retries. It has its own USM and message dispatcher
 * rather than SNMP4J's process-wide singletons, so several controllers in one JVM (tests) do not
 * share users. Calls block the calling thread; {@link PowerPoller} runs them on a bounded pool.
 */
public final class SnmpClient implements AutoCloseable {
  private static final int MAX_VARBINDS = 20;
  private final Snmp snmp;
  private final USM usm;
  private final long timeoutMillis;
  private final int retries;
  // v3 users by name: USM keys users by name, so one name can carry only one set of passphrases
  private final Map<String, SnmpCredentials> users = new ConcurrentHashMap<>();

  public SnmpClient(Duration timeout, int retries) throws IOException {
    this.timeoutMillis = timeout.toMillis();
    this.retries = retries;
    SecurityProtocols protocols =
        new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.maxCompatibility);
    this.usm = new USM(protocols, new OctetString(MPv3.createLocalEngineID()), 0);
    MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
    dispatcher.addMessageProcessingModel(new MPv2c());
    dispatcher.addMessageProcessingModel(new MPv3(usm));
    this.snmp = new Snmp(dispatcher, new DefaultUdpTransportMapping());
    snmp.listen();
  }

  /** Registers a v3 user; refuses a second, different set of passphrases for the same name. */
  public void register(SnmpCredentials credentials) {
    if (!credentials.isV3()) {
      return;
    }
    SnmpCredentials held = users.putIfAbsent(credentials.user(), credentials);
    if (held != null && !held.equals(credentials)) {
      throw new IllegalArgumentException(
          "SNMP v3 user '"
              + credentials.user()
              + "' is already registered with other passphrases; use one user name per key set.");
    }
    if (held == null) {
      usm.addUser(
          new OctetString(credentials.user()),
          new UsmUser(
              new OctetString(credentials.user()),
              AuthSHA.ID,
              new OctetString(credentials.authPassphrase()),
              credentials.privPassphrase() == null ? null : PrivAES128.ID,
              credentials.privPassphrase() == null
                  ? null
                  : new OctetString(credentials.privPassphrase())));
    }
  }

  /** Forgets a v3 user (its last device was removed), so the name can be registered anew. */
  public void unregister(String user) {
    if (users.remove(user) != null) {
      usm.removeAllUsers(new OctetString(user));
    }
  }

  /** GETs the instances; a missing one (noSuchObject/Instance) maps to null. */
  public Map<OID, Variable> get(PowerDevice device, List<OID> oids) throws SnmpException {
    Target<UdpAddress> target = target(device);
    Map<OID, Variable> values = new LinkedHashMap<>();
    for (int from = 0; from < oids.size(); from += MAX_VARBINDS) {
      PDU request = pdu(target, PDU.GET);
      for (OID oid : oids.subList(from, Math.min(oids.size(), from + MAX_VARBINDS))) {
        request.add(new VariableBinding(oid));
      }
      PDU response = exchange(device, request, target);
      for (VariableBinding vb : response.getVariableBindings()) {
        values.put(vb.getOid(), vb.getVariable().isException() ? null : vb.getVariable());
      }
    }
    return values;
  }

  /** SETs one instance and returns what the device answered. */
  public Variable set(PowerDevice device, OID oid, Variable value) throws SnmpException {
    Target<UdpAddress> target = target(device);
    PDU request = pdu(target, PDU.SET);
    request.add(new VariableBinding(oid, value));
    PDU response = exchange(device, request, target);
    return response.get(0).getVariable();
  }

  /** Walks table columns; rows by index (the sub-identifiers after each column). */
  public Map<OID, Variable[]> table(PowerDevice device, List<OID> columns) throws SnmpException {
    Target<UdpAddress> target = target(device);
    TableUtils tables = new TableUtils(snmp, new DefaultPDUFactory(PDU.GETBULK));
    tables.setMaxNumRowsPerPDU(10);
    List<TableEvent> events = tables.getTable(target, columns.toArray(OID[]::new), null, null);
    Map<OID, Variable[]> rows = new LinkedHashMap<>();
    for (TableEvent event : events) {
      if (event.isError()) {
        boolean timeout = event.getStatus() == TableEvent.STATUS_TIMEOUT;
        throw new SnmpException(
            device.name() + " (" + device.host() + ":" + device.port() + "): " + describe(event),
            timeout);
      }
      VariableBinding[] cells = event.getColumns();
      if (cells == null) {
        continue;
      }
      Variable[] values = new Variable[cells.length];
      for (int i = 0; i < cells.length; i++) {
        values[i] = cells[i] == null ? null : cells[i].getVariable();
      }
      rows.put(event.getIndex(), values);
    }
    return rows;
  }

  private static String describe(TableEvent event) {
    if (event.getStatus() == TableEvent.STATUS_TIMEOUT) {
      return "no answer (timed out)";
    }
    String message = event.getErrorMessage();
    return message == null ? "walk failed with status " + event.getStatus() : message;
  }

  private PDU exchange(PowerDevice device, PDU request, Target<UdpAddress> target)
      throws SnmpException {
    String who = device.name() + " (" + device.host() + ":" + device.port() + ")";
    ResponseEvent<UdpAddress> event;
    try {
      event = snmp.send(request, target);
    } catch (IOException e) {
      throw new SnmpException(who + ": could not send: " + e.getMessage(), e);
    }
    if (event == null || event.getResponse() == null) {
      if (event != null && event.getError() != null) {
        throw new SnmpException(who + ": " + event.getError().getMessage(), event.getError());
      }
      throw new SnmpException(who + ": no answer (timed out)", true);
    }
    PDU response = event.getResponse();
    if (response.getType() == PDU.REPORT) {
      throw new SnmpException(
          who + ": refused by the agent's security (report " + response.get(0).getOid() + ")",
          false);
    }
    if (response.getErrorStatus() != PDU.noError) {
      throw new SnmpException(
          who + ": " + response.getErrorStatusText() + " (index " + response.getErrorIndex() + ")",
          false);
    }
    return response;
  }

  private PDU pdu(Target<UdpAddress> target, int type) {
    PDU pdu = new DefaultPDUFactory(type).createPDU(target);
    pdu.setType(type);
    return pdu;
  }

  private Target<UdpAddress> target(PowerDevice device) throws SnmpException {
    UdpAddress address;
    try {
      address = new UdpAddress(java.net.InetAddress.getByName(device.host()), device.port());
    } catch (java.net.UnknownHostException e) {
      throw new SnmpException(device.name() + ": unknown host " + device.host(), e);
    }
    SnmpCredentials c = device.credentials();
    Target<UdpAddress> target;
    if (c.isV3()) {
      register(c);
      UserTarget<UdpAddress> user = new UserTarget<>();
      user.setAddress(address);
      user.setSecurityName(new OctetString(c.user()));
      user.setSecurityLevel(
          c.privPassphrase() == null ? SecurityLevel.AUTH_NOPRIV : SecurityLevel.AUTH_PRIV);
      user.setVersion(SnmpConstants.version3);
      target = user;
    } else {
      CommunityTarget<UdpAddress> community =
          new CommunityTarget<>(address, new OctetString(c.community()));
      community.setVersion(SnmpConstants.version2c);
      target = community;
    }
    target.setTimeout(timeoutMillis);
    target.setRetries(retries);
    return target;
  }

  @Override
  public void close() throws IOException {
    snmp.close();
  }
}
