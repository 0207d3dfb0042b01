// Commands to many rigs: one POST /api/v1/commands/batch names the rigs (ids or the rigs table's
// filters); the server issues each rig's command and the console polls the batch's progress
// (GET /api/v1/commands/batches/{id}) until every rig's command is final.
import { api } from './api.js';
import { h } from './dom.js';

export const FINAL = new Set(['succeeded', 'failed', 'timed_out']);
const POLL_MS = 500;

export const COMMAND_TYPES = [
  { type: 'blink-led', label: 'Blink LED', args: () => ({ seconds: 30 }) },
  { type: 'restart-miner', label: 'Restart miner' },
  { type: 'reboot', label: 'Reboot', dangerous: true },
  { type: 'stop', label: 'Stop hashing', dangerous: true },
  { type: 'start', label: 'Start hashing' },
  { type: 'set-power-mode', label: 'Power mode', choices: ['normal', 'low', 'high', 'sleep'], arg: 'mode' },
  { type: 'set-pool', label: 'Pool profile', profile: true },
];

/** A form control choosing a command and its one argument; value() gives {type, args, label}. */
export function commandPicker(idPrefix) {
  const type = h('select', { id: `${idPrefix}-type` },
    COMMAND_TYPES.map((c) => h('option', { value: c.type }, c.label)));
  const mode = h('select', { id: `${idPrefix}-mode`, 'aria-label': 'Power mode' },
    ['normal', 'low', 'high', 'sleep'].map((m) => h('option', { value: m }, m)));
  const profile = h('select', { id: `${idPrefix}-profile`, 'aria-label': 'Pool profile' },
    h('option', { value: '' }, 'Loading profiles…'));
  let profilesLoaded = false;
  const loadProfiles = () => {
    if (profilesLoaded) return;
    profilesLoaded = true;
    api('/api/v1/work-profiles').then((p) => {
      profile.replaceChildren(...(p.items.length
        ? p.items.map((x) => h('option', { value: x.name }, `${x.name} (${x.kind === 'local' ? 'local source' : `${x.pools.length} pool${x.pools.length === 1 ? '' : 's'}`})`))
        : [h('option', { value: '' }, 'No work profiles')]));
    }).catch((e) => {
      profile.replaceChildren(h('option', { value: '' }, `Profiles unavailable: ${e.message}`));
    });
  };
  const argBox = h('span', { class: 'arg' });
  const sync = () => {
    const c = COMMAND_TYPES.find((x) => x.type === type.value);
    if (c.profile) loadProfiles();
    argBox.replaceChildren(c.choices ? mode : c.profile ? profile : '');
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
      if (c.profile) args = { profile: profile.value };
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
 * Starts a batch ({type, args} to {rigIds} or {filter}) and reports its progress until every rig's
 * command is final: onProgress(batch) with the server's counts, onError(message). Returns a stop
 * function (the batch goes on on the server; only the polling stops).
 */
export function runBatch(targets, command, onProgress, onError) {
  let stopped = false;
  let timer = null;
  (async () => {
    let batch;
    try {
      const body = { type: command.type, ...targets };
      if (command.args) body.args = command.args;
      batch = await api('/api/v1/commands/batch', { method: 'POST', body });
    } catch (e) {
      onError(e.message);
      return;
    }
    onProgress(batch);
    const poll = async () => {
      if (stopped) return;
      try {
        batch = await api(`/api/v1/commands/batches/${encodeURIComponent(batch.id)}`);
        onProgress(batch);
      } catch (e) {
        if (e.status === 404) {
          onError(e.message);
          return;
        }
        console.warn('batch poll failed', e); // keep polling: a dropped connection is not the end
      }
      if (!batch.done && !stopped) timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS);
  })();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** The progress panel: n of N sent, acknowledged, succeeded, failed, and the failures listed. */
export function renderProgress(panel, label, b) {
  const sent = b.issued - (b.byStatus.queued || 0);
  panel.replaceChildren(
    h('h2', {}, `${label}: ${b.done ? 'finished' : 'in progress'}`),
    h('progress', { max: b.total, value: b.finished, 'aria-label': 'Rigs finished' }),
    h('p', { id: 'bulk-counts' },
      `${sent} of ${b.total} sent, ${b.acknowledged} of ${b.total} acknowledged, `
      + `${b.succeeded} of ${b.total} succeeded, ${b.failed} of ${b.total} failed`),
    b.failures.length
      ? h('div', {},
        h('h3', {}, b.failuresTotal > b.failures.length
          ? `Failures (first ${b.failures.length} of ${b.failuresTotal})` : 'Failures'),
        h('ul', { id: 'bulk-failures', class: 'failures', 'aria-label': 'Failures' },
          b.failures.map((f) => h('li', {},
            h('a', { href: `#/rigs/${encodeURIComponent(f.rigId)}` }, f.rigName || f.rigId),
            `: ${f.status}${f.message ? ` (${f.message})` : ''}`))))
      : null,
    h('p', { class: 'muted' }, `Batch ${b.id}`));
}

export function renderProgressError(panel, label, message) {
  panel.replaceChildren(h('h2', {}, `${label}: not sent`), h('p', { class: 'note note-error', role: 'alert' }, message));
}
