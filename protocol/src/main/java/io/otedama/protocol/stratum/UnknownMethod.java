package io.otedama.protocol.stratum;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A request or notification whose method this codec does not type (e.g. {@code
 * mining.get_transactions}, {@code mining.multi_version}, {@code client.reconnect}, {@code
 * client.show_message}), so a server can answer it with an error instead of dropping the miner.
 *
 * @param method the method as sent, trimmed
 * @param params the params as plain Java values (nulls kept)
 */
public record UnknownMethod(StratumId id, String method, List<Object> params)
    implements ClientMessage, ServerMessage {
  public UnknownMethod {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(method, "method");
    params = Collections.unmodifiableList(new java.util.ArrayList<>(params));
  }
}
