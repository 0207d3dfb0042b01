package io.otedama.controller.commands;

import java.util.List;

/**
 * Finds the rigs a batch command is for from the same filters as the rigs table (status, group,
 * free text). Implemented by the fleet feature's queries; a seam so commands need not know the rig
 * table.
 */
@FunctionalInterface
public interface RigSelector {
  /** The ids of at most {@code limit} rigs matching the filters (null or blank: no filter). */
  List<String> matching(String status, String group, String q, int limit);
}
