package io.otedama.dashboards;

/** One query of one panel: where it lives and its PromQL as written in the dashboard. */
record PanelQuery(String dashboardUid, int panelId, String panelTitle, String refId, String expr) {

  String where() {
    return dashboardUid + " panel " + panelId + " \"" + panelTitle + "\" " + refId;
  }
}
