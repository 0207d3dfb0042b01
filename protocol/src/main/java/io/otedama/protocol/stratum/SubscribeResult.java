package io.otedama.protocol.stratum;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The result of {@code mining.subscribe}: {@code [[["mining.set_difficulty", id], ["mining.notify",
 * id]], extranonce1, extranonce2Size]}.
 *
 * @param subscriptions the (method, subscription id) pairs, possibly empty
 * @param extranonce1 hex, lower case
 * @param extranonce2Size bytes, 0..16
 */
public record SubscribeResult(
    List<Subscription> subscriptions, String extranonce1, int extranonce2Size) {

  /** One subscription pair. */
  public record Subscription(String method, String subscriptionId) {}

  public SubscribeResult {
    subscriptions = List.copyOf(subscriptions);
    Objects.requireNonNull(extranonce1, "extranonce1");
  }

  /** The customary result: difficulty and notify subscriptions under one subscription id. */
  public static SubscribeResult standard(
      String subscriptionId, String extranonce1, int extranonce2Size) {
    return new SubscribeResult(
        List.of(
            new Subscription(MiningSetDifficulty.METHOD, subscriptionId),
            new Subscription(MiningNotify.METHOD, subscriptionId)),
        extranonce1,
        extranonce2Size);
  }

  /** The response a server sends to subscribe request {@code id}. */
  public StratumResponse toResponse(StratumId id) {
    List<Object> pairs = new ArrayList<>(subscriptions.size());
    for (Subscription s : subscriptions) {
      pairs.add(List.of(s.method(), s.subscriptionId()));
    }
    return StratumResponse.ok(id, List.of(pairs, extranonce1, (long) extranonce2Size));
  }

  /**
   * Reads a pool's answer to subscribe. Lenient about the subscriptions part (nested pairs, one
   * flat pair, or null all occur), strict about extranonce1 and extranonce2Size.
   *
   * @throws StratumProtocolException when the response is an error or lacks the extranonces
   */
  public static SubscribeResult from(StratumResponse response) throws StratumProtocolException {
    if (response.error() != null) {
      throw new StratumProtocolException(
          StratumProtocolException.Kind.ERROR_RESPONSE,
          response.id(),
          "subscribe was refused: "
              + response.error().code()
              + " "
              + ParamReader.sanitize(response.error().message()));
    }
    if (!(response.result() instanceof List<?> result) || result.size() < 3) {
      throw invalid(response, "the result is not [subscriptions, extranonce1, extranonce2Size]");
    }
    List<Subscription> subscriptions = new ArrayList<>();
    if (result.get(0) instanceof List<?> details) {
      if (!details.isEmpty() && details.get(0) instanceof String) {
        addPair(details, subscriptions);
      } else {
        for (Object detail : details) {
          if (detail instanceof List<?> pair) {
            addPair(pair, subscriptions);
          }
        }
      }
    }
    if (!(result.get(1) instanceof String extranonce1)
        || extranonce1.length() > 32
        || (extranonce1.length() & 1) != 0
        || !ParamReader.isHex(extranonce1)) {
      throw invalid(response, "extranonce1 is not hex of at most 16 bytes");
    }
    if (!(result.get(2) instanceof Long size) || size < 0 || size > 16) {
      throw invalid(response, "extranonce2Size is not a whole number 0..16");
    }
    return new SubscribeResult(
        subscriptions, extranonce1.toLowerCase(Locale.ROOT), size.intValue());
  }

  private static void addPair(List<?> pair, List<Subscription> out) {
    if (pair.size() >= 2 && pair.get(0) instanceof String method) {
      out.add(new Subscription(method, String.valueOf(pair.get(1))));
    }
  }

  private static StratumProtocolException invalid(StratumResponse response, String detail) {
    return new StratumProtocolException(
        StratumProtocolException.Kind.BAD_PARAMS, response.id(), "subscribe response: " + detail);
  }
}
