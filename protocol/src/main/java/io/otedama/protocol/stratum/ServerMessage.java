package io.otedama.protocol.stratum;

/** What a pool (or the controller's Stratum server) sends: notifications and responses. */
public sealed interface ServerMessage extends StratumMessage
    permits MiningNotify,
        MiningSetDifficulty,
        MiningSetExtranonce,
        MiningSetVersionMask,
        UnknownMethod,
        StratumResponse {}
