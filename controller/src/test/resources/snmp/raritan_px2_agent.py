#!/usr/bin/env python3
"""A Raritan PX2 PDU (PDU2-MIB, pduId 1) behind snmpd's pass_persist: outlet names, switching
state, per-outlet and inlet active power, and switchingOperation that really switches (SET off(0),
on(1), cycle(2) change outletSwitchingState and the measured power). Used by the power tests."""
import sys

BASE = (1, 3, 6, 1, 4, 1, 13742, 6)
OUTLETS = {1: ("rack-r-1", 3400), 2: ("rack-r-2", 3350), 3: ("rack-r-3", 3300), 4: ("rack-r-4", 0)}
state = {n: (7 if w > 0 else 8) for n, (_, w) in OUTLETS.items()}  # on(7) / off(8)
cycles = {n: 0 for n in OUTLETS}


def table():
    t = {}
    inlet = 0
    for n, (name, watts) in OUTLETS.items():
        on = state[n] == 7
        power = watts if on else 0
        inlet += power
        t[BASE + (3, 5, 3, 1, 3, 1, n)] = ("string", name)                 # outletName
        t[BASE + (4, 1, 2, 1, 2, 1, n)] = ("integer", "1" if on else "0")  # switchingOperation
        t[BASE + (4, 1, 2, 1, 3, 1, n)] = ("integer", str(state[n]))       # outletSwitchingState
        t[BASE + (4, 1, 2, 1, 4, 1, n)] = ("gauge", str(cycles[n]))        # (timestamp column; cycle count here)
        t[BASE + (5, 4, 3, 1, 4, 1, n, 5)] = ("gauge", str(power))         # outlet activePower
    t[BASE + (5, 2, 3, 1, 4, 1, 1, 5)] = ("gauge", str(inlet))              # inlet activePower
    return t


def parse(oid):
    return tuple(int(x) for x in oid.strip().strip(".").split(".") if x)


def show(oid):
    return "." + ".".join(str(x) for x in oid)


def reply(*lines):
    sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()


def main():
    while True:
        cmd = sys.stdin.readline()
        if not cmd:
            return
        cmd = cmd.strip()
        if cmd == "PING":
            reply("PONG")
        elif cmd == "get":
            oid = parse(sys.stdin.readline())
            t = table()
            if oid in t:
                reply(show(oid), *t[oid])
            else:
                reply("NONE")
        elif cmd == "getnext":
            oid = parse(sys.stdin.readline())
            t = table()
            later = sorted(k for k in t if k > oid)
            if later:
                reply(show(later[0]), *t[later[0]])
            else:
                reply("NONE")
        elif cmd == "set":
            oid = parse(sys.stdin.readline())
            value = sys.stdin.readline().split()
            prefix = BASE + (4, 1, 2, 1, 2, 1)
            if oid[:-1] != prefix or oid[-1] not in OUTLETS:
                reply("not-writable")
            elif value[0] != "integer" or value[1] not in ("0", "1", "2"):
                reply("wrong-value")
            else:
                n = oid[-1]
                if value[1] == "0":
                    state[n] = 8
                else:
                    if value[1] == "2":
                        cycles[n] += 1
                    state[n] = 7
                reply("DONE")
        elif cmd == "":
            continue
        else:
            reply("NONE")


if __name__ == "__main__":
    main()
