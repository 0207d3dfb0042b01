#!/usr/bin/env python3
"""Ansible inventory built from the Otedama controller's rig list.

Reads every page of GET /api/v1/rigs and groups the rigs by controller group, site, model and
status, so operators target "all rigs of rack 12" (--limit group_rack_12) without a hand-kept
host list. Ansible runs it as an inventory script:

    OTEDAMA_URL=http://controller:8080 OTEDAMA_TOKEN=... \\
        ansible-inventory -i otedama_inventory.py --graph

Environment:
    OTEDAMA_URL                   controller base URL (required)
    OTEDAMA_TOKEN                 API bearer token (required; POST /api/v1/auth/token)
    OTEDAMA_INVENTORY_TIMEOUT     seconds per request (default 30)
    OTEDAMA_INVENTORY_PAGE_SIZE   rigs per page (default 200)

Bad configuration exits 2, an API failure exits 1; either prints one line on stderr.
Only the Python standard library is used, so it runs wherever Ansible runs.
"""

import json
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

ALL_RIGS = "otedama_rigs"


class InventoryError(Exception):
    """A failure to report on one line, with the exit code to use."""

    def __init__(self, message, exit_code=1, http_status=None):
        super().__init__(message)
        self.exit_code = exit_code
        self.http_status = http_status


def group_name(prefix, value):
    """group_rack_12 from ("group", "Rack-12"): lower case, anything else than [a-z0-9_] -> _."""
    return prefix + "_" + re.sub(r"[^a-z0-9_]", "_", str(value).strip().lower())


def settings(environ):
    url = environ.get("OTEDAMA_URL", "").strip().rstrip("/")
    token = environ.get("OTEDAMA_TOKEN", "").strip()
    if not url:
        raise InventoryError("OTEDAMA_URL is not set: export the controller's base URL, e.g. http://controller:8080", 2)
    if urllib.parse.urlparse(url).scheme not in ("http", "https"):
        raise InventoryError("OTEDAMA_URL must start with http:// or https://, got " + url, 2)
    if not token:
        raise InventoryError("OTEDAMA_TOKEN is not set: export an API token (POST /api/v1/auth/token)", 2)
    try:
        timeout = float(environ.get("OTEDAMA_INVENTORY_TIMEOUT", "30"))
        page_size = int(environ.get("OTEDAMA_INVENTORY_PAGE_SIZE", "200"))
    except ValueError as e:
        raise InventoryError("OTEDAMA_INVENTORY_TIMEOUT and OTEDAMA_INVENTORY_PAGE_SIZE must be numbers: " + str(e), 2)
    if timeout <= 0 or page_size <= 0:
        raise InventoryError("OTEDAMA_INVENTORY_TIMEOUT and OTEDAMA_INVENTORY_PAGE_SIZE must be positive", 2)
    return url, token, timeout, page_size


def fetch_page(url, token, timeout, page, size):
    query = urllib.parse.urlencode({"page": page, "size": size})
    request = urllib.request.Request(
        url + "/api/v1/rigs?" + query,
        headers={"Authorization": "Bearer " + token, "Accept": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = json.load(response)
    except urllib.error.HTTPError as e:
        detail = e.read().decode("utf-8", "replace")
        try:
            detail = json.loads(detail).get("message", detail)
        except (ValueError, AttributeError):
            pass
        hint = " (check OTEDAMA_TOKEN)" if e.code in (401, 403) else ""
        raise InventoryError(
            "GET %s answered %d: %s%s" % (request.full_url, e.code, detail.strip(), hint), http_status=e.code
        ) from e
    except (urllib.error.URLError, OSError) as e:
        reason = getattr(e, "reason", e)
        raise InventoryError("cannot reach the controller at %s: %s" % (url, reason)) from e
    except ValueError as e:
        raise InventoryError("GET %s did not answer JSON: %s" % (request.full_url, e)) from e
    if not isinstance(body, dict) or not isinstance(body.get("items"), list):
        raise InventoryError("GET %s answered without an items list" % request.full_url)
    return body["items"], body.get("total")


def fetch_rigs(url, token, timeout, page_size):
    """Every rig, over all pages.

    Pages are asked for from 0. A controller that counts pages from 1 either refuses page 0
    (400: start again at 1) or answers it like page 1 (the repeated rigs are deduplicated).
    Stops at an empty page, once `total` rigs are in, or after the pages `total` allows.
    """
    rigs = {}
    page = 0
    try:
        items, total = fetch_page(url, token, timeout, page, page_size)
    except InventoryError as e:
        if e.http_status != 400:
            raise
        page = 1
        items, total = fetch_page(url, token, timeout, page, page_size)
    max_pages = None
    if isinstance(total, int):
        max_pages = total // page_size + 3
    pages_read = 1
    while True:
        for rig in items:
            if isinstance(rig, dict) and rig.get("id") not in (None, ""):
                rigs[str(rig["id"])] = rig
        if not items:
            break
        if isinstance(total, int) and len(rigs) >= total:
            break
        if max_pages is not None and pages_read >= max_pages:
            break
        page += 1
        items, total = fetch_page(url, token, timeout, page, page_size)
        pages_read += 1
    return list(rigs.values())


def label(value):
    """A group or site may come as a name or as an object with a name."""
    if isinstance(value, dict):
        value = value.get("name")
    if value is None or str(value).strip() == "":
        return None
    return str(value)


def build_inventory(rigs):
    groups = {ALL_RIGS: {"hosts": []}}
    hostvars = {}
    for rig in sorted(rigs, key=lambda r: str(r["id"])):
        host = str(rig["id"])
        groups[ALL_RIGS]["hosts"].append(host)
        variables = {"otedama_rig_id": host}
        for key, var in (("name", "otedama_rig_name"), ("status", "otedama_rig_status"), ("model", "otedama_rig_model")):
            if label(rig.get(key)) is not None:
                variables[var] = label(rig.get(key))
        for key, prefix in (("group", "group"), ("site", "site"), ("model", "model"), ("status", "status")):
            value = label(rig.get(key))
            if value is None:
                continue
            if key in ("group", "site"):
                variables["otedama_rig_" + key] = value
            groups.setdefault(group_name(prefix, value), {"hosts": []})["hosts"].append(host)
        address = rig.get("ipAddress") or rig.get("ip")
        if address:
            variables["ansible_host"] = str(address)
        hostvars[host] = variables
    inventory = dict(groups)
    inventory["_meta"] = {"hostvars": hostvars}
    return inventory


def parse_arguments(argv):
    if argv == ["--list"]:
        return ("list", None)
    if len(argv) == 2 and argv[0] == "--host" and argv[1]:
        return ("host", argv[1])
    raise InventoryError("usage: otedama_inventory.py --list | --host HOSTNAME", 2)


def main(argv, environ, out, err):
    try:
        mode, host = parse_arguments(argv)
        url, token, timeout, page_size = settings(environ)
        inventory = build_inventory(fetch_rigs(url, token, timeout, page_size))
    except InventoryError as e:
        err.write("otedama_inventory: %s\n" % e)
        return e.exit_code
    if mode == "list":
        json.dump(inventory, out, indent=2, sort_keys=True)
    else:
        json.dump(inventory["_meta"]["hostvars"].get(host, {}), out, indent=2, sort_keys=True)
    out.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], os.environ, sys.stdout, sys.stderr))
