// Users (admin): who may use the controller and with which role, and named API tokens for scripts
// (each acting with a role no higher than its user's; the token is shown once, when created).
import { api } from '../api.js';
import { clear, h, note, toast, when } from '../dom.js';
import { confirmDialog } from '../commands.js';

export async function render(main) {
  const list = h('div', { id: 'user-list' }, note('loading', 'Loading users…'));
  const username = h('input', { id: 'new-username', required: true, maxlength: 64, autocomplete: 'off' });
  const password = h('input', { id: 'new-password', type: 'password', required: true, autocomplete: 'new-password' });
  const role = h('select', { id: 'new-role' }, ['viewer', 'operator', 'admin', 'client'].map((r) => h('option', { value: r }, r)));
  const account = h('input', { id: 'new-account', inputmode: 'numeric', pattern: '[0-9]*', size: 8 });
  const error = h('div', { 'aria-live': 'assertive' });
  main.append(h('h1', {}, 'Users'), h('form', {
    class: 'card inline-form', id: 'user-form',
    onsubmit: async (e) => {
      e.preventDefault();
      error.replaceChildren();
      try {
        const body = { username: username.value.trim(), password: password.value, role: role.value };
        if (role.value === 'client' && account.value) body.accountId = Number(account.value);
        const u = await api('/api/v1/users', { method: 'POST', body });
        toast(`User ${u.username} created.`);
        e.target.reset();
        load();
      } catch (err) {
        error.append(note('error', err.message));
      }
    },
  }, h('h2', {}, 'New user'),
  h('label', { for: 'new-username' }, 'Username'), username,
  h('label', { for: 'new-password' }, 'Password'), password,
  h('label', { for: 'new-role' }, 'Role'), role,
  h('label', { for: 'new-account' }, 'Account (clients)'), account,
  h('button', { type: 'submit', id: 'user-create' }, 'Create user'), error), list);

  const tokenList = h('div', { id: 'token-list' }, note('loading', 'Loading API tokens…'));
  const tokenUser = h('select', { id: 'token-user', required: true });
  const tokenName = h('input', { id: 'token-name', required: true, maxlength: 100, placeholder: 'e.g. grafana, ansible' });
  const tokenRole = h('select', { id: 'token-role' }, h('option', { value: '' }, "the user's role"),
    ['admin', 'operator', 'viewer', 'client'].map((r) => h('option', { value: r }, r)));
  const tokenDays = h('input', { id: 'token-days', type: 'number', min: 1, max: 3650, value: 365, size: 5 });
  const tokenError = h('div', { 'aria-live': 'assertive' });
  const tokenShown = h('div', { id: 'token-created', 'aria-live': 'polite' });
  main.append(h('h2', {}, 'API tokens'), h('form', {
    class: 'card inline-form', id: 'token-form',
    onsubmit: async (e) => {
      e.preventDefault();
      tokenError.replaceChildren();
      try {
        const body = { username: tokenUser.value, name: tokenName.value.trim(), expiresInDays: Number(tokenDays.value) };
        if (tokenRole.value) body.role = tokenRole.value;
        const t = await api('/api/v1/api-tokens', { method: 'POST', body });
        const value = h('input', { id: 'token-value', readonly: true, value: t.token, size: 48, 'aria-label': 'The new token' });
        clear(tokenShown).append(h('div', { class: 'card shown-once' },
          h('p', {}, h('strong', {}, `Token "${t.name}" for ${t.username} as ${t.role}`), `, valid until ${when(t.expiresAt)}. `,
            'Copy it now: it is not shown again.'),
          h('div', { class: 'row' }, value, h('button', {
            type: 'button', class: 'secondary', id: 'token-copy',
            onclick: async () => {
              value.select();
              try {
                await navigator.clipboard.writeText(t.token);
                toast('Token copied.');
              } catch {
                toast('Copy it with Ctrl+C: the text is selected.');
              }
            },
          }, 'Copy')),
          h('p', { class: 'muted' }, 'Use it as: Authorization: Bearer <token>')));
        tokenName.value = '';
        loadTokens();
      } catch (err) {
        tokenError.append(note('error', err.message));
      }
    },
  },
  h('label', { for: 'token-user' }, 'User'), tokenUser,
  h('label', { for: 'token-name' }, 'Name'), tokenName,
  h('label', { for: 'token-role' }, 'Acts as'), tokenRole,
  h('label', { for: 'token-days' }, 'Days valid'), tokenDays,
  h('button', { type: 'submit', id: 'token-create' }, 'Create token'), tokenError), tokenShown, tokenList);

  async function loadTokens() {
    try {
      const tokens = await api('/api/v1/api-tokens');
      clear(tokenList).append(tokens.items.length
        ? h('div', { class: 'table-wrap' }, h('table', { class: 'compact', id: 'token-table' },
          h('thead', {}, h('tr', {}, ['Name', 'User', 'Acts as', 'Created by', 'Created', 'Expires', ''].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, tokens.items.map((t) => h('tr', { dataset: { token: t.id } },
            h('td', {}, t.name), h('td', {}, t.username), h('td', {}, t.role), h('td', {}, t.createdBy || ''),
            h('td', {}, when(t.createdAt)), h('td', {}, when(t.expiresAt)),
            h('td', {}, h('button', {
              type: 'button', class: 'secondary token-revoke', 'aria-label': `Revoke ${t.name}`,
              onclick: async () => {
                if (!(await confirmDialog(`Revoke token ${t.name}?`, `Scripts using it (as ${t.username}) stop working at once.`, 'Revoke'))) return;
                try {
                  await api(`/api/v1/api-tokens/${t.id}`, { method: 'DELETE' });
                  toast(`Token ${t.name} revoked.`);
                } catch (e) {
                  toast(e.message);
                }
                loadTokens();
              },
            }, 'Revoke')))))))
        : note('empty', 'No API tokens yet.'));
    } catch (e) {
      clear(tokenList).append(note('error', e.message));
    }
  }

  async function load() {
    try {
      const users = await api('/api/v1/users');
      const chosen = tokenUser.value;
      clear(tokenUser).append(...users.items.map((u) => h('option', { value: u.username, selected: u.username === chosen }, `${u.username} (${u.role})`)));
      clear(list).append(h('table', { class: 'compact' },
        h('thead', {}, h('tr', {}, ['Username', 'Role', 'Account', 'Created'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, users.items.map((u) => h('tr', {}, h('td', {}, u.username), h('td', {}, u.role),
          h('td', {}, u.accountId ?? ''), h('td', {}, when(u.createdAt)))))));
    } catch (e) {
      clear(list).append(note('error', e.message));
    }
  }
  await Promise.all([load(), loadTokens()]);
}
