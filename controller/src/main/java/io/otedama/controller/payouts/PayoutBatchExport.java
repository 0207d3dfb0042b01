package io.otedama.controller.payouts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.otedama.controller.payouts.scheme.Sats;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A payout batch as a CSV file and as a bitcoind {@code sendmany} JSON-RPC request body. */
public final class PayoutBatchExport {
  private static final JsonFactory JSON = new JsonFactory();

  private PayoutBatchExport() {}

  /**
   * RFC 4180 CSV (CRLF line ends), one row per item: {@code
   * batch_id,account_id,address,amount_sats,amount_btc}. No field needs quoting: ids are numbers
   * and addresses are alphanumeric.
   */
  public static String csv(PayoutBatch batch) {
    StringBuilder out = new StringBuilder("batch_id,account_id,address,amount_sats,amount_btc\r\n");
    for (PayoutBatch.Item item : batch.items()) {
      out.append(batch.id())
          .append(',')
          .append(item.accountId())
          .append(',')
          .append(item.address())
          .append(',')
          .append(item.amountSats())
          .append(',')
          .append(Sats.toBtcText(item.amountSats()))
          .append("\r\n");
    }
    return out.toString();
  }

  /**
   * The JSON-RPC 1.0 request for bitcoind's {@code sendmany}: {@code ["", {address: amount, ...},
   * 1, comment]}, amounts in BTC with eight decimals written as exact JSON numbers. Items paying
   * the same address are merged (bitcoind refuses a duplicated address). The sender pays the
   * network fee (no {@code subtractfeefrom}).
   */
  public static String sendManyRequest(PayoutBatch batch) {
    if (batch.items().isEmpty()) {
      throw new PayoutConflictException(
          "payout batch " + batch.id() + " pays nobody; there is nothing to send");
    }
    Map<String, Long> amounts = new LinkedHashMap<>();
    for (PayoutBatch.Item item : batch.items()) {
      amounts.merge(item.address(), item.amountSats(), Math::addExact);
    }
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("jsonrpc", "1.0");
      json.writeStringField("id", "otedama-payout-batch-" + batch.id());
      json.writeStringField("method", "sendmany");
      json.writeArrayFieldStart("params");
      json.writeString("");
      json.writeStartObject();
      for (Map.Entry<String, Long> amount : amounts.entrySet()) {
        json.writeFieldName(amount.getKey());
        // the exact decimal text: bitcoind parses JSON numbers as fixed point, never as a double
        json.writeNumber(Sats.toBtcText(amount.getValue()));
      }
      json.writeEndObject();
      json.writeNumber(1);
      json.writeString("otedama payout batch " + batch.id() + " for " + batch.period().key());
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the sendmany request", e);
    }
    return out.toString();
  }
}
