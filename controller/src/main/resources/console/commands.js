// Sending one command to many rigs and following it to the end. The API takes one rig per request,
// so the console issues them a few at a time and then polls each command until it is final.
import { api } from './api.js';
import { h } from './dom.js';

export const FINAL = new Set(['succeeded', 'failed', 'timed_out']);
const PARALLEL = 8;
const POLL_MS = 1000;

export const COMMAND_TYPES = [
  { type: 'blink-led', label: 'Blink LED', args: () => ({ seconds: 30 }) },
  { type: 'restart-miner', label: 'Restart miner' },
  { type: 'reboot', label: 'Reboot', dangerous: true },
  { type: 'stop', label: 'Stop hashing', dangerous: true },
  { type: 'start', label: 'Start hashing' },
  { type: 'set-power-mode', label: 'Power mode', choices: ['normal', 'low', 'high', 'sleep'], arg: 'mode' },
  { type: 'set-pool', label: 'Pool profile', text: 'profile' },
];

/** A form control choosing a command and its one argument; value() gives {type, args, label}. */
export function commandPicker(idPrefix) {
  const type = h('select', { id: `${idPrefix}-type` },
    COMMAND_TYPES.map((c) => h('option', { value: c.type }, c.label)));
  const mode = h('select', { id: `${idPrefix}-mode`, 'aria-label': 'Power mode' },
    ['normal', 'low', 'high', 'sleep'].map((m) => h('option', { value: m }, m)));
  const profile = h('input', { id: `${idPrefix}-profile`, 'aria-label': 'Pool profile name', placeholder: 'profile name' });
  const argBox = h('span', { class: 'arg' });
  const sync = () => {
    const c = COMMAND_TYPES.find((x) => x.type === type.value);
    argBox.replaceChildren(c.choices ? mode : c.text ? profile : '');
  };
  type.addEventListener('change', sync);
  sync();
  const el = h('span', { class: 'picker' }, h('label', { for: `${idPrefix}-type` }, 'Command'), type, argBox);
  return {
    el,
    value() {
      const c = COMMAND_TYPES.find((x) => x.type === type.value);
      let args;
      if (c.args) args = c.args();
      if (c.choices) args = { [c.arg]: mode.value };
      if (c.text) args = { [c.text]: profile.value.trim() };
      return { type: c.type, label: c.label, args, dangerous: !!c.dangerous };
    },
  };
}

/** Asks before sending; resolves true when confirmed. Uses a modal dialog (focus stays inside). */
export function confirmDialog(title, text, confirmLabel) {
  return new Promise((resolve) => {
    const ok = h('button', { type: 'button', id: 'confirm-ok' }, confirmLabel);
    const cancel = h('button', { type: 'button', class: 'secondary', id: 'confirm-cancel' }, 'Cancel');
    const dialog = h('dialog', { id: 'confirm-dialog', 'aria-labelledby': 'confirm-title' },
      h('h2', { id: 'confirm-title' }, title), h('p', {}, text), h('div', { class: 'actions' }, cancel, ok));
    const done = (answer) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    ok.addEventListener('click', () => done(true));
    cancel.addEventListener('click', () => done(false));
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      done(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}

/**
 * Sends {type, args} to every rig and reports progress until all are final:
 * onProgress({total, issued, refused: [{rigId, message}], byStatus: Map, failures: [...]}).
 * Returns a stop function.
 */
export function runBulk(rigs, command, onProgress) {
  const state = { total: rigs.length, issued: 0, refused: [], commands: new Map(), done: false };
  let stopped = false;
  const report = () => {
    const byStatus = new Map();
    const failures = [...state.refused.map((r) => ({ rigName: r.rigName, status: 'refused', message: r.message }))];
    for (const c of state.commands.values()) {
      byStatus.set(c.status, (byStatus.get(c.status) || 0) + 1);
      if (c.status === 'failed' || c.status === 'timed_out') {
        failures.push({ rigName: c.rigName, status: c.status, message: c.resultMessage || c.lastError || '' });
      }
    }
    const finished = [...state.commands.values()].filter((c) => FINAL.has(c.status)).length + state.refused.length;
    state.done = state.issued + state.refused.length === state.total && finished === state.total;
    onProgress({ ...state, byStatus, failures, finished });
  };
  (async () => {
    const queue = [...rigs];
    const worker = async () => {
      while (queue.length && !stopped) {
        const rig = queue.shift();
        try {
          const c = await api(`/api/v1/rigs/${encodeURIComponent(rig.id)}/commands`, {
            method: 'POST', body: command.args ? { type: command.type, args: command.args } : { type: command.type },
          });
          state.commands.set(c.id, { ...c, rigName: rig.name });
          state.issued++;
        } catch (e) {
          state.refused.push({ rigName: rig.name, message: e.message });
        }
        report();
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, rigs.length) }, worker));
    while (!stopped && !state.done) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      const open = [...state.commands.values()].filter((c) => !FINAL.has(c.status));
      for (let i = 0; i < open.length && !stopped; i += PARALLEL) {
        if (i > 0 && i % (PARALLEL * 25) === 0) report(); // thousands of rigs: show progress within a round
        await Promise.all(open.slice(i, i + PARALLEL).map(async (c) => {
          try {
            const fresh = await api(`/api/v1/commands/${encodeURIComponent(c.id)}`);
            state.commands.set(c.id, { ...fresh, rigName: c.rigName });
          } catch (e) {
            console.warn('command poll failed', c.id, e);
          }
        }));
      }
      report();
    }
  })();
  return () => {
    stopped = true;
  };
}

/** The progress panel: n of N acknowledged, succeeded, failed, and the failures listed. */
export function renderProgress(panel, label, p) {
  const get = (s) => p.byStatus.get(s) || 0;
  const acked = get('acked') + get('succeeded') + get('failed');
  panel.replaceChildren(
    h('h2', {}, `${label}: ${p.done ? 'finished' : 'in progress'}`),
    h('progress', { max: p.total, value: p.finished, 'aria-label': 'Commands finished' }),
    h('p', { id: 'bulk-counts' },
      `${p.issued} of ${p.total} sent, ${acked} of ${p.total} acknowledged, `
      + `${get('succeeded')} of ${p.total} succeeded, ${get('failed') + get('timed_out') + p.refused.length} of ${p.total} failed`),
    p.failures.length
      ? h('ul', { id: 'bulk-failures', class: 'failures', 'aria-label': 'Failures' },
        p.failures.map((f) => h('li', {}, `${f.rigName}: ${f.status}${f.message ? ` (${f.message})` : ''}`)))
      : null);
}
