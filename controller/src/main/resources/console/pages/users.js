// Users (admin): who may use the controller and with which role.
import { api } from '../api.js';
import { clear, h, note, toast, when } from '../dom.js';

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

  async function load() {
    try {
      const users = await api('/api/v1/users');
      clear(list).append(h('table', { class: 'compact' },
        h('thead', {}, h('tr', {}, ['Username', 'Role', 'Account', 'Created'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, users.items.map((u) => h('tr', {}, h('td', {}, u.username), h('td', {}, u.role),
          h('td', {}, u.accountId ?? ''), h('td', {}, when(u.createdAt)))))));
    } catch (e) {
      clear(list).append(note('error', e.message));
    }
  }
  await load();
}
