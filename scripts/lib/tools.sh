# Sourced by ./scripts/test: makes sure the real programs the tests run against are present.
# Each entry is "command:debian-package". Tests that need one fail (never skip) when it is
# missing, so installing here is what keeps CI honest.
TEST_TOOLS=(
  # controller/: the MQTT edge is tested against a real Mosquitto with generated password/ACL files
  mosquitto:mosquitto
  # agent/: a TLS broker certificate signed by a test CA
  openssl:openssl
  # dashboards/: promtool checks the alert rules, a real Prometheus parses and answers every panel query
  promtool:prometheus
  prometheus:prometheus
  # ansible/: lint, syntax check and a real local run of the roles and playbooks
  ansible-playbook:ansible
  ansible-lint:ansible-lint
  # controller console: browser tests drive Debian's headless Chromium through its chromedriver
  chromium:chromium
  chromedriver:chromium-driver
  # controller power/: real SNMP agents on loopback: snmpsim serves the recorded PDU walks,
  # snmpd the v3 USM user, IF-MIB and the Raritan pass_persist script (run with python3)
  snmpsimd:snmpsim
  snmpd:snmpd
  python3:python3
  # controller/: a stock open-source Stratum client (npm package, see NPM_TEST_PACKAGES) runs on node
  node:nodejs
  npm:npm
)

# npm packages the tests run, installed under .test-tools/npm (the controller's
# StockStratumClientTest also installs them there itself when they are missing)
NPM_TEST_PACKAGES=(stratum-client@1.1.0)

ensure_npm_test_packages() {
  local dir=.test-tools/npm pkg missing=()
  for pkg in "${NPM_TEST_PACKAGES[@]}"; do
    [ -f "$dir/node_modules/${pkg%@*}/package.json" ] || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing npm test packages: ${missing[*]}"
  npm install --silent --no-audit --no-fund --prefix "$dir" "${missing[@]}" >/dev/null
}

ensure_test_tools() {
  local missing=() entry cmd pkg
  for entry in "${TEST_TOOLS[@]}"; do
    cmd=${entry%%:*}; pkg=${entry#*:}
    command -v "$cmd" >/dev/null 2>&1 || [ -x "/usr/sbin/$cmd" ] || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && { ensure_npm_test_packages; return; }
  echo "Installing test tools from Debian's packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: need root (or sudo) to install ${missing[*]}; install them and re-run." >&2
    return 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  ensure_npm_test_packages
}
