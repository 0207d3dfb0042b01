package io.otedama.dashboards;

/** A panel query that did not do what a dashboard needs, and why. */
record PanelCheckFailure(PanelQuery query, String renderedExpr, String problem) {

  @Override
  public String toString() {
    return query.where() + ": " + problem + "\n    " + renderedExpr;
  }
}
