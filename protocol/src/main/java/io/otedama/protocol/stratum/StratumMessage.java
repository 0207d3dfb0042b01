package io.otedama.protocol.stratum;

/** One Stratum v1 JSON-RPC message (one line on the wire). */
public sealed interface StratumMessage permits ClientMessage, ServerMessage {}
