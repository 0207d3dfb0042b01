// Enrollment: create a token and copy the one-line command that enrolls a rig's agent with it.
import { api } from '../api.js';
import { h, note, toast, when } from '../dom.js';

export async function render(main) {
  const uses = h('input', { id: 'enroll-uses', type: 'number', min: 1, max: 100000, value: 1 });
  const ttl = h('input', { id: 'enroll-ttl', type: 'number', min: 1, max: 8760, value: 24 });
  const group = h('select', { id: 'enroll-group' }, h('option', { value: '' }, 'No group'));
  const result = h('div', { id: 'enroll-result', 'aria-live': 'polite' });
  api('/api/v1/groups').then((g) => g.items.forEach((x) => group.append(h('option', { value: x.id }, x.name)))).catch(() => {});
  main.append(h('h1', {}, 'Enrollment'),
    h('p', {}, 'A token lets agents enroll: each rig runs the command below once and gets its own MQTT credentials.'),
    h('form', {
      class: 'card inline-form', id: 'enroll-form',
      onsubmit: async (e) => {
        e.preventDefault();
        result.replaceChildren();
        try {
          const body = { uses: Number(uses.value), ttlHours: Number(ttl.value) };
          if (group.value) body.groupId = Number(group.value);
          const t = await api('/api/v1/enrollment-tokens', { method: 'POST', body });
          const command = `otedama-agent enroll --controller ${location.origin} --token ${t.token} --config /etc/otedama/agent.yml`;
          const box = h('textarea', { id: 'install-command', readonly: true, rows: 3, 'aria-label': 'Agent install command' }, command);
          result.append(h('section', { class: 'card' }, h('h2', {}, 'Token created'),
            h('p', {}, `Good for ${t.uses} enrollment(s) until ${when(t.expiresAt)}. It is shown only now.`),
            box, h('button', {
              type: 'button', id: 'copy-command',
              onclick: async () => {
                try {
                  await navigator.clipboard.writeText(command);
                } catch {
                  box.select();
                  document.execCommand('copy');
                }
                toast('Command copied.');
              },
            }, 'Copy command')));
        } catch (err) {
          result.append(note('error', err.message));
        }
      },
    }, h('label', { for: 'enroll-uses' }, 'Uses'), uses,
    h('label', { for: 'enroll-ttl' }, 'Valid for (hours)'), ttl,
    h('label', { for: 'enroll-group' }, 'Put rigs in'), group,
    h('button', { type: 'submit', id: 'enroll-create' }, 'Create token')), result);
}
