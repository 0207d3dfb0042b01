import { api } from '../api.js';
import { h, note } from '../dom.js';

export function render(main, { signedIn }) {
  const error = h('div', { id: 'login-error', 'aria-live': 'assertive' });
  const username = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true });
  const password = h('input', {
    id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true,
  });
  const submit = h('button', { type: 'submit', id: 'login-submit' }, 'Sign in');
  const form = h('form', { class: 'login card', id: 'login-form', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, 'Sign in to Otedama'),
    h('label', { for: 'username' }, 'Username'), username,
    h('label', { for: 'password' }, 'Password'), password,
    error, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.replaceChildren();
    submit.disabled = true;
    try {
      const session = await api('/api/v1/auth/session', {
        method: 'POST',
        body: { username: username.value.trim(), password: password.value },
      });
      signedIn(session);
    } catch (e) {
      error.append(note('error', e.status === 401 ? 'Wrong username or password.' : e.message));
      password.value = '';
      password.focus();
    } finally {
      submit.disabled = false;
    }
  });
  main.append(form);
  username.focus();
}
