package io.otedama.controller.work;

import java.time.Instant;

/**
 * The local source found a block: a share met the network target. The payout feature credits the
 * reward; the share itself is in the share log (marked {@code block}).
 *
 * @param height the block's height
 * @param hash the block hash in display order (as explorers show it)
 * @param reward the coinbase value in the coin's smallest unit (satoshi)
 * @param rigId the rig whose share it was
 * @param jobId the source's job id
 * @param source the work source (profile) name
 */
public record BlockFound(
    long height,
    String hash,
    long reward,
    String rigId,
    String jobId,
    String source,
    Instant foundAt) {}
