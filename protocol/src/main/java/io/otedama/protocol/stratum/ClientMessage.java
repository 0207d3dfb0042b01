package io.otedama.protocol.stratum;

/** What a mining client sends: its requests, or a response to a server-initiated request. */
public sealed interface ClientMessage extends StratumMessage
    permits MiningSubscribe,
        MiningAuthorize,
        MiningConfigure,
        MiningSuggestDifficulty,
        MiningExtranonceSubscribe,
        MiningSubmit,
        UnknownMethod,
        StratumResponse {}
