package io.otedama.protocol.stratum;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.otedama.protocol.JsonValues;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns Stratum v1 lines into typed messages and back. One instance is thread-safe and meant to be
 * shared by every connection.
 *
 * <p>A server decodes what miners send with {@link #decodeFromClient(String)}; a client (the
 * upstream pool connection, the test client) decodes what pools send with {@link
 * #decodeFromServer(String)}; both write with {@link #encode(StratumMessage)}.
 *
 * <p>Leniency: ids of any JSON scalar type are echoed as received; a missing or null {@code params}
 * is an empty list and a bare scalar a one-element list; method names are matched after trimming
 * and ignoring case; numbers may arrive as strings and the reverse where no information is lost;
 * hex is trimmed and lower-cased. Strictness: share fields must be hex of the exact length, lines
 * are bounded, JSON must be one object with nothing after it.
 */
public final class StratumCodec {
  /** Default longest line in characters (a notify with a large coinbase fits comfortably). */
  public static final int DEFAULT_MAX_LINE_LENGTH = 16 * 1024;

  private static final int MAX_ID_LENGTH = 256;
  private static final int MAX_NAME_LENGTH = 256;
  private static final int MAX_JOB_ID_LENGTH = 128;
  private static final int MAX_MERKLE_BRANCH = 64;
  private static final int MAX_EXTENSIONS = 16;

  private final int maxLineLength;
  private final ObjectReader reader;
  private final JsonMapper mapper;

  public StratumCodec() {
    this(DEFAULT_MAX_LINE_LENGTH);
  }

  /** A codec refusing lines longer than {@code maxLineLength} characters. */
  public StratumCodec(int maxLineLength) {
    if (maxLineLength < 256) {
      throw new IllegalArgumentException(
          "maxLineLength must be at least 256 characters, got " + maxLineLength);
    }
    this.maxLineLength = maxLineLength;
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(16)
                    .maxNumberLength(100)
                    .maxStringLength(maxLineLength)
                    .build())
            .build();
    this.mapper =
        JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    this.reader = mapper.reader();
  }

  public int maxLineLength() {
    return maxLineLength;
  }

  // ---- decoding

  /** Decodes a line a miner sent (without its newline). */
  public ClientMessage decodeFromClient(String line) throws StratumProtocolException {
    JsonNode root = parse(line);
    StratumId id = readId(root);
    String method = readMethod(root, id);
    if (method == null) {
      return readResponse(root, id);
    }
    ParamReader p = new ParamReader(method, id, params(root));
    return switch (method.toLowerCase(Locale.ROOT)) {
      case MiningSubscribe.METHOD -> subscribe(id, p);
      case MiningAuthorize.METHOD ->
          new MiningAuthorize(
              id,
              p.requiredText(0, "username", MAX_NAME_LENGTH).strip(),
              p.optionalText(1, "password", MAX_NAME_LENGTH));
      case MiningConfigure.METHOD -> configure(id, p);
      case MiningSuggestDifficulty.METHOD ->
          new MiningSuggestDifficulty(id, p.requiredPositiveNumber(0, "difficulty"));
      case MiningExtranonceSubscribe.METHOD -> new MiningExtranonceSubscribe(id);
      case MiningSubmit.METHOD -> submit(id, p);
      default -> unknown(id, method, root);
    };
  }

  /** Decodes a line a pool sent (without its newline). */
  public ServerMessage decodeFromServer(String line) throws StratumProtocolException {
    JsonNode root = parse(line);
    StratumId id = readId(root);
    String method = readMethod(root, id);
    if (method == null) {
      return readResponse(root, id);
    }
    ParamReader p = new ParamReader(method, id, params(root));
    return switch (method.toLowerCase(Locale.ROOT)) {
      case MiningNotify.METHOD -> notify(p);
      case MiningSetDifficulty.METHOD ->
          new MiningSetDifficulty(p.requiredPositiveNumber(0, "difficulty"));
      case MiningSetExtranonce.METHOD ->
          new MiningSetExtranonce(
              p.requiredHex(0, "extranonce1", 0, 32, true),
              p.requiredInt(1, "extranonce2Size", 0, 16));
      case MiningSetVersionMask.METHOD ->
          new MiningSetVersionMask(ParamReader.leftPad8(p.requiredHex(0, "mask", 1, 8, false)));
      default -> unknown(id, method, root);
    };
  }

  /**
   * Reads the params array of a {@code mining.notify} on its own, e.g. {@code ["6a1f", "0c85…", …,
   * true]} as the agent's {@code share --notify JSON} command takes it.
   */
  public MiningNotify decodeNotifyParams(String paramsJson) throws StratumProtocolException {
    JsonNode params;
    try {
      params = reader.readTree(paramsJson == null ? "" : paramsJson);
    } catch (JacksonException e) {
      throw new StratumProtocolException(
          StratumProtocolException.Kind.BAD_JSON,
          StratumId.NULL,
          "notify params are not valid JSON: " + ParamReader.sanitize(e.getOriginalMessage()));
    }
    if (params == null || !params.isArray()) {
      throw new StratumProtocolException(
          StratumProtocolException.Kind.BAD_PARAMS,
          StratumId.NULL,
          "notify params must be a JSON array of 9 elements");
    }
    return notify(new ParamReader(MiningNotify.METHOD, StratumId.NULL, params));
  }

  private JsonNode parse(String line) throws StratumProtocolException {
    if (line == null || line.isBlank()) {
      throw new StratumProtocolException(
          StratumProtocolException.Kind.BAD_JSON, StratumId.NULL, "empty line");
    }
    if (line.length() > maxLineLength) {
      throw new StratumProtocolException(
          StratumProtocolException.Kind.LINE_TOO_LONG,
          StratumId.NULL,
          "line of " + line.length() + " characters, longer than the limit of " + maxLineLength);
    }
    JsonNode root;
    try {
      root = reader.readTree(line);
    } catch (JacksonException e) {
      throw new StratumProtocolException(
          StratumProtocolException.Kind.BAD_JSON,
          StratumId.NULL,
          "not valid JSON: " + ParamReader.sanitize(e.getOriginalMessage()));
    }
    if (root == null || !root.isObject()) {
      throw new StratumProtocolException(
          StratumProtocolException.Kind.BAD_JSON,
          StratumId.NULL,
          "not a JSON-RPC object (batches are not supported)");
    }
    return root;
  }

  private static StratumId readId(JsonNode root) throws StratumProtocolException {
    JsonNode id = root.get("id");
    if (id == null || id.isNull()) {
      return StratumId.NULL;
    }
    if (id.isIntegralNumber()) {
      return new StratumId(id.canConvertToLong() ? (Object) id.longValue() : id.bigIntegerValue());
    }
    if (id.isNumber()) {
      return new StratumId(id.decimalValue());
    }
    if (id.isTextual() && id.textValue().length() <= MAX_ID_LENGTH) {
      return new StratumId(id.textValue());
    }
    throw new StratumProtocolException(
        StratumProtocolException.Kind.NOT_A_MESSAGE,
        StratumId.NULL,
        "the id must be a number, a string of at most " + MAX_ID_LENGTH + " characters, or null");
  }

  private static String readMethod(JsonNode root, StratumId id) throws StratumProtocolException {
    JsonNode method = root.get("method");
    if (method == null || method.isNull()) {
      if (!root.has("result") && !root.has("error")) {
        throw new StratumProtocolException(
            StratumProtocolException.Kind.NOT_A_MESSAGE,
            id,
            "neither a request (no method) nor a response (no result or error)");
      }
      return null;
    }
    if (!method.isTextual() || method.textValue().isBlank()) {
      throw new StratumProtocolException(
          StratumProtocolException.Kind.NOT_A_MESSAGE, id, "the method must be a non-empty string");
    }
    String name = method.textValue().strip();
    if (name.length() > MAX_NAME_LENGTH) {
      throw new StratumProtocolException(
          StratumProtocolException.Kind.NOT_A_MESSAGE, id, "the method name is too long");
    }
    return name;
  }

  private static JsonNode params(JsonNode root) {
    JsonNode params = root.get("params");
    if (params == null || params.isNull()) {
      return JsonNodeFactory.instance.arrayNode(0);
    }
    if (params.isArray()) {
      return params;
    }
    ArrayNode wrapped = JsonNodeFactory.instance.arrayNode(1);
    wrapped.add(params);
    return wrapped;
  }

  private static MiningSubscribe subscribe(StratumId id, ParamReader p) {
    JsonNode agent = p.get(0);
    String userAgent =
        agent != null && (agent.isTextual() || agent.isNumber())
            ? ParamReader.sanitize(
                agent.asText().length() > 256 ? agent.asText().substring(0, 256) : agent.asText())
            : null;
    JsonNode session = p.get(1);
    String sessionId =
        session != null
                && session.isTextual()
                && !session.textValue().isBlank()
                && session.textValue().length() <= 64
                && ParamReader.isHex(session.textValue().strip())
            ? session.textValue().strip().toLowerCase(Locale.ROOT)
            : null;
    return new MiningSubscribe(id, userAgent, sessionId);
  }

  private static MiningConfigure configure(StratumId id, ParamReader p)
      throws StratumProtocolException {
    JsonNode names = p.required(0, "extensions");
    List<String> extensions = new ArrayList<>();
    if (names.isTextual()) {
      extensions.add(names.textValue().strip());
    } else if (names.isArray() && names.size() <= MAX_EXTENSIONS) {
      for (JsonNode name : names) {
        if (!name.isTextual() || name.textValue().length() > 64) {
          throw p.bad(0, "extensions", "must be a list of extension names");
        }
        extensions.add(name.textValue().strip());
      }
    } else {
      throw p.bad(0, "extensions", "must be a list of at most " + MAX_EXTENSIONS + " names");
    }
    JsonNode parameterNode = p.get(1);
    if (parameterNode != null && !parameterNode.isObject()) {
      throw p.bad(1, "parameters", "must be an object");
    }
    Map<String, Object> parameters = JsonValues.toJavaMap(parameterNode);
    String mask = null;
    Integer minBitCount = null;
    Double minimumDifficulty = null;
    if (parameterNode != null) {
      JsonNode maskNode = parameterNode.get("version-rolling.mask");
      if (maskNode != null && !maskNode.isNull()) {
        mask = ParamReader.leftPad8(p.hex(1, "version-rolling.mask", maskNode, 1, 8, false));
      }
      JsonNode bits = parameterNode.get("version-rolling.min-bit-count");
      if (bits != null && !bits.isNull()) {
        minBitCount = p.intOf(1, "version-rolling.min-bit-count", bits, 0, 32);
      }
      JsonNode minDiff = parameterNode.get("minimum-difficulty.value");
      if (minDiff != null && minDiff.isNumber() && Double.isFinite(minDiff.doubleValue())) {
        minimumDifficulty = minDiff.doubleValue() >= 0 ? minDiff.doubleValue() : null;
      }
    }
    return new MiningConfigure(id, extensions, parameters, mask, minBitCount, minimumDifficulty);
  }

  private static MiningSubmit submit(StratumId id, ParamReader p) throws StratumProtocolException {
    String worker = p.requiredText(0, "worker", MAX_NAME_LENGTH).strip();
    String jobId = p.requiredText(1, "jobId", MAX_JOB_ID_LENGTH).strip();
    String extranonce2 = p.requiredHex(2, "extranonce2", 2, 32, true);
    String ntime = p.requiredHex(3, "ntime", 8, 8, true);
    String nonce = p.requiredHex(4, "nonce", 8, 8, true);
    JsonNode bits = p.get(5);
    String versionBits =
        bits == null || (bits.isTextual() && bits.textValue().isBlank())
            ? null
            : ParamReader.leftPad8(p.hex(5, "versionBits", bits, 1, 8, false));
    return new MiningSubmit(id, worker, jobId, extranonce2, ntime, nonce, versionBits);
  }

  private MiningNotify notify(ParamReader p) throws StratumProtocolException {
    String jobId = p.requiredText(0, "jobId", MAX_JOB_ID_LENGTH);
    String prevhash = p.requiredHex(1, "prevhash", 64, 64, true);
    String coinb1 = p.requiredHex(2, "coinb1", 0, maxLineLength, true);
    String coinb2 = p.requiredHex(3, "coinb2", 0, maxLineLength, true);
    JsonNode branchNode = p.required(4, "merkleBranch");
    if (!branchNode.isArray() || branchNode.size() > MAX_MERKLE_BRANCH) {
      throw p.bad(4, "merkleBranch", "must be a list of at most " + MAX_MERKLE_BRANCH + " hashes");
    }
    List<String> branch = new ArrayList<>(branchNode.size());
    for (JsonNode hash : branchNode) {
      branch.add(p.hex(4, "merkleBranch", hash, 64, 64, true));
    }
    return new MiningNotify(
        jobId,
        prevhash,
        coinb1,
        coinb2,
        branch,
        p.requiredHex(5, "version", 8, 8, true),
        p.requiredHex(6, "nbits", 8, 8, true),
        p.requiredHex(7, "ntime", 8, 8, true),
        p.requiredBoolean(8, "cleanJobs"));
  }

  private static UnknownMethod unknown(StratumId id, String method, JsonNode root) {
    List<Object> params = new ArrayList<>((List<?>) JsonValues.toJava(params(root)));
    return new UnknownMethod(id, method, params);
  }

  private static StratumResponse readResponse(JsonNode root, StratumId id) {
    Object result = JsonValues.toJava(root.get("result"));
    StratumError error = readError(root.get("error"));
    JsonNode reason = root.get("reject-reason");
    String rejectReason =
        reason != null && reason.isTextual() ? ParamReader.sanitize(reason.textValue()) : null;
    return new StratumResponse(id, result, error, rejectReason);
  }

  private static StratumError readError(JsonNode error) {
    if (error == null || error.isNull()) {
      return null;
    }
    int code = StratumErrorCode.OTHER.code();
    String message;
    if (error.isArray()) {
      code = codeOf(error.get(0));
      JsonNode text = error.get(1);
      message = text == null || text.isNull() ? "" : text.asText();
    } else if (error.isObject()) {
      code = codeOf(error.get("code"));
      JsonNode text = error.get("message");
      message = text == null || text.isNull() ? "" : text.asText();
    } else {
      message = error.asText();
    }
    return new StratumError(code, ParamReader.sanitize(message));
  }

  private static int codeOf(JsonNode code) {
    if (code != null && code.isIntegralNumber() && code.canConvertToInt()) {
      return code.intValue();
    }
    if (code != null && code.isTextual()) {
      try {
        return Integer.parseInt(code.textValue().strip());
      } catch (NumberFormatException e) {
        // fall through to "other"
      }
    }
    return StratumErrorCode.OTHER.code();
  }

  // ---- encoding

  /** The wire form of {@code message}: one JSON object followed by {@code \n}. */
  public String encode(StratumMessage message) {
    StringWriter out = new StringWriter(160);
    try (JsonGenerator g = mapper.createGenerator(out)) {
      g.writeStartObject();
      switch (message) {
        case MiningSubscribe m -> {
          request(g, m.id(), MiningSubscribe.METHOD);
          if (m.userAgent() != null || m.sessionId() != null) {
            g.writeString(m.userAgent());
            if (m.sessionId() != null) {
              g.writeString(m.sessionId());
            }
          }
        }
        case MiningAuthorize m -> {
          request(g, m.id(), MiningAuthorize.METHOD);
          g.writeString(m.username());
          g.writeString(m.password() == null ? "" : m.password());
        }
        case MiningConfigure m -> {
          request(g, m.id(), MiningConfigure.METHOD);
          g.writeObject(m.extensions());
          g.writeObject(m.parameters());
        }
        case MiningSuggestDifficulty m -> {
          request(g, m.id(), MiningSuggestDifficulty.METHOD);
          writeDifficulty(g, m.difficulty());
        }
        case MiningExtranonceSubscribe m -> request(g, m.id(), MiningExtranonceSubscribe.METHOD);
        case MiningSubmit m -> {
          request(g, m.id(), MiningSubmit.METHOD);
          g.writeString(m.worker());
          g.writeString(m.jobId());
          g.writeString(m.extranonce2());
          g.writeString(m.ntime());
          g.writeString(m.nonce());
          if (m.versionBits() != null) {
            g.writeString(m.versionBits());
          }
        }
        case UnknownMethod m -> {
          request(g, m.id(), m.method());
          for (Object param : m.params()) {
            g.writeObject(param);
          }
        }
        case MiningNotify m -> {
          request(g, StratumId.NULL, MiningNotify.METHOD);
          g.writeString(m.jobId());
          g.writeString(m.prevhash());
          g.writeString(m.coinb1());
          g.writeString(m.coinb2());
          g.writeStartArray();
          for (String hash : m.merkleBranch()) {
            g.writeString(hash);
          }
          g.writeEndArray();
          g.writeString(m.version());
          g.writeString(m.nbits());
          g.writeString(m.ntime());
          g.writeBoolean(m.cleanJobs());
        }
        case MiningSetDifficulty m -> {
          request(g, StratumId.NULL, MiningSetDifficulty.METHOD);
          writeDifficulty(g, m.difficulty());
        }
        case MiningSetExtranonce m -> {
          request(g, StratumId.NULL, MiningSetExtranonce.METHOD);
          g.writeString(m.extranonce1());
          g.writeNumber(m.extranonce2Size());
        }
        case MiningSetVersionMask m -> {
          request(g, StratumId.NULL, MiningSetVersionMask.METHOD);
          g.writeString(m.mask());
        }
        case StratumResponse r -> {
          writeId(g, r.id());
          g.writeFieldName("result");
          g.writeObject(r.result());
          g.writeFieldName("error");
          if (r.error() == null) {
            g.writeNull();
          } else {
            g.writeStartArray();
            g.writeNumber(r.error().code());
            g.writeString(r.error().message());
            g.writeNull();
            g.writeEndArray();
          }
        }
      }
      if (!(message instanceof StratumResponse)) {
        g.writeEndArray(); // params
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.append('\n').toString();
  }

  /** {@link #encode(StratumMessage)} as UTF-8 bytes, ready for a socket. */
  public byte[] encodeBytes(StratumMessage message) {
    return encode(message).getBytes(StandardCharsets.UTF_8);
  }

  /** Writes id and method and opens the params array. */
  private static void request(JsonGenerator g, StratumId id, String method) throws IOException {
    writeId(g, id);
    g.writeStringField("method", method);
    g.writeArrayFieldStart("params");
  }

  private static void writeId(JsonGenerator g, StratumId id) throws IOException {
    g.writeFieldName("id");
    g.writeObject(id.value());
  }

  /** Whole difficulties as integers: some old miners parse {@code 1024.0} badly. */
  private static void writeDifficulty(JsonGenerator g, double difficulty) throws IOException {
    if (difficulty == Math.rint(difficulty) && Math.abs(difficulty) < 0x1p53) {
      g.writeNumber((long) difficulty);
    } else {
      g.writeNumber(difficulty);
    }
  }
}
