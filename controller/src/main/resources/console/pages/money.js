// Shares, accounts and payouts. Each page asks its endpoint and shows what it returns; an endpoint
// this controller does not serve (404) is said plainly ("not available"), never invented figures.
import { api, query } from '../api.js';
import { clear, count, h, note, toast, when } from '../dom.js';
import { confirmDialog } from '../commands.js';

const RANGES = [['1h', 'Last hour', 3600e3], ['24h', '24 hours', 86400e3], ['7d', '7 days', 7 * 86400e3], ['30d', '30 days', 30 * 86400e3]];
const ROWS = 200;

export function sats(n) {
  if (n === null || n === undefined) return '—';
  return `${Number(n).toLocaleString('en-US')} sat`;
}

/** Share difficulty: tiny test difficulties stay readable instead of rounding to 0. */
function difficulty(n) {
  const v = Number(n);
  if (!v) return '0';
  return v < 0.01 ? v.toExponential(2) : v.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function btc(n) {
  return n === null || n === undefined ? '' : `${(Number(n) / 1e8).toFixed(8)} BTC`;
}

/** Loads {@code path} into {@code box}; 404 and 403 become clear states, other errors an alert. */
async function load(box, path, show, what) {
  clear(box).append(note('loading', `Loading ${what}…`));
  try {
    const data = await api(path);
    clear(box).append(show(data));
    return data;
  } catch (e) {
    clear(box).append(e.status === 404
      ? note('info', `Not available yet: this controller does not serve ${path}, so there are no ${what} to show.`)
      : e.status === 403 ? note('info', `Your role cannot see ${what}.`) : note('error', `The ${what} could not be loaded: ${e.message}`));
    return null;
  }
}

function rangeLinks(path, current, extra = {}) {
  return h('nav', { class: 'period', 'aria-label': 'Period' }, RANGES.map(([key, label]) =>
    h('a', { class: 'button-like', href: `#${path}${query({ ...extra, range: key })}`, 'aria-current': key === current ? 'true' : null }, label)));
}

function table(id, cols, rows) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'compact', id },
    h('thead', {}, h('tr', {}, cols.map(([label, num]) => h('th', { scope: 'col', class: num ? 'num' : null }, label)))),
    h('tbody', {}, rows)));
}

export const shares = {
  async render(main, ctx) {
    const range = RANGES.find((r) => r[0] === ctx.params.get('range')) || RANGES[1];
    const to = new Date();
    const from = new Date(to.getTime() - range[2]);
    const account = ctx.params.get('account') || '';
    const totals = h('div', { id: 'share-totals' });
    const perAccount = h('div', { id: 'share-accounts' });
    const perPeriod = h('div', { id: 'share-periods' });
    const perRig = h('div', { id: 'share-rigs' });
    main.append(h('h1', {}, account ? `Shares of account ${account}` : 'Shares'),
      // (the DOM's append would print a null as "null")
      ...(account ? [h('p', {}, h('a', { href: `#/shares${query({ range: range[0] })}` }, 'All accounts'))] : []),
      rangeLinks('/shares', range[0], { account }), totals,
      h('h2', {}, ctx.session.role === 'client' ? 'Your account' : 'Per account'), perAccount,
      h('h2', {}, 'Per period'), perPeriod,
      h('h2', {}, 'Per rig'), perRig);
    const data = await load(totals, `/api/v1/shares/summary${query({ from: from.toISOString(), to: to.toISOString(), account })}`, (s) => {
      const t = s.total;
      const all = t.accepted + t.rejected;
      const reasons = Object.entries(t.rejectedByReason || {}).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
      return h('div', {},
        h('p', { class: 'muted' }, `${when(s.from)} to ${when(s.to)} (whole hours)`),
        h('div', { class: 'cards' },
          h('div', { class: 'card stat online' }, h('span', { class: 'label' }, 'Accepted'), h('strong', { id: 'shares-accepted' }, count(t.accepted))),
          h('div', { class: 'card stat offline' }, h('span', { class: 'label' }, 'Rejected'), h('strong', { id: 'shares-rejected' }, count(t.rejected)),
            h('span', { class: 'extra' }, all ? `${((100 * t.rejected) / all).toFixed(2)} % of all` : 'none submitted')),
          h('div', { class: 'card stat' }, h('span', { class: 'label' }, 'Accepted difficulty'), h('strong', {}, difficulty(t.acceptedDifficulty)))),
        h('h2', {}, 'Rejected by reason'),
        reasons.length
          ? table('share-reasons', [['Reason'], ['Shares', true]], reasons.map(([r, n]) => h('tr', {}, h('td', {}, r), h('td', { class: 'num' }, count(n)))))
          : note('empty', 'No rejected shares in this period.'));
    }, 'shares');
    if (!data) {
      clear(perRig);
      clear(perAccount);
      clear(perPeriod);
      return;
    }
    showAccounts(perAccount, data, range[0], ctx);
    showPeriods(perPeriod, data);
    const rigs = [...data.rigs].sort((a, b) => b.accepted - a.accepted);
    clear(perRig).append(rigs.length
      ? h('div', {},
        rigs.length > ROWS ? h('p', { class: 'muted' }, `The ${ROWS} rigs with the most accepted shares of ${count(rigs.length)}.`) : null,
        table('share-rig-table', [['Rig'], ['Accepted', true], ['Rejected', true], ['Reject %', true], ['Top reject reason'], ['Difficulty', true]],
          rigs.slice(0, ROWS).map((r) => {
            const top = Object.entries(r.rejectedByReason || {}).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1])[0];
            const all = r.accepted + r.rejected;
            return h('tr', {},
              h('td', {}, h('a', { href: `#/rigs/${encodeURIComponent(r.rigId)}` }, r.rigId)),
              h('td', { class: 'num' }, count(r.accepted)), h('td', { class: 'num' }, count(r.rejected)),
              h('td', { class: 'num' }, all ? ((100 * r.rejected) / all).toFixed(2) : '—'),
              h('td', {}, top ? `${top[0]} (${count(top[1])})` : ''),
              h('td', { class: 'num' }, difficulty(r.acceptedDifficulty)));
          })))
      : note('empty', 'No rig submitted shares in this period.'));
  },
};

/** Shares per client account (a rig counts for the account it works for now). */
function showAccounts(box, data, range, ctx) {
  const rows = [...(data.accounts || [])].sort((a, b) => b.accepted - a.accepted);
  clear(box).append(rows.length
    ? table('share-account-table', [['Account'], ['Rigs', true], ['Accepted', true], ['Rejected', true], ['Reject %', true], ['Difficulty', true]],
      rows.map((a) => {
        const all = a.accepted + a.rejected;
        const label = `${a.accountId}${a.name ? ` ${a.name}` : ''}`;
        return h('tr', {},
          h('td', {}, ctx.session.role === 'client' ? label
            : h('a', { href: `#/shares${query({ range, account: a.accountId })}` }, label)),
          h('td', { class: 'num' }, count(a.rigs)),
          h('td', { class: 'num' }, count(a.accepted)), h('td', { class: 'num' }, count(a.rejected)),
          h('td', { class: 'num' }, all ? ((100 * a.rejected) / all).toFixed(2) : '—'),
          h('td', { class: 'num' }, difficulty(a.acceptedDifficulty)));
      }))
    : note('empty', ctx.session.role === 'client' ? 'Your rigs submitted no shares in this period.'
      : 'No rig of a client account submitted shares in this period.'));
}

/** Shares per hour or day, newest first, with a bar for the accepted count. */
function showPeriods(box, data) {
  const rows = [...(data.periods || [])].reverse();
  const most = Math.max(1, ...rows.map((p) => p.accepted));
  clear(box).append(rows.length
    ? table('share-period-table', [[data.bucket === 'day' ? 'Day (UTC)' : 'Hour (UTC)'], ['Accepted', true], ['Rejected', true], ['Difficulty', true], ['']],
      rows.map((p) => h('tr', {},
        h('td', {}, data.bucket === 'day' ? when(p.start).slice(0, 10) : when(p.start).slice(0, 16)),
        h('td', { class: 'num' }, count(p.accepted)), h('td', { class: 'num' }, count(p.rejected)),
        h('td', { class: 'num' }, difficulty(p.acceptedDifficulty)),
        h('td', { class: 'bar-cell' }, h('span', { class: 'bar', style: `width:${Math.round((100 * p.accepted) / most)}%` })))))
    : note('empty', 'No shares in this period.'));
}

const SCHEMES = [['pps', 'PPS'], ['fpps', 'FPPS'], ['pplns', 'PPLNS'], ['prop', 'Proportional']];

/**
 * The account form (admins): a new account, or the settings of one (scheme, fees, address,
 * threshold, site). Changed terms apply from the next accounting run; the API validates the address
 * for the farm's network and says why it refuses one.
 */
function accountForm(box, account, sites, done) {
  const field = (id, label, input) => [h('label', { for: id }, label), input];
  const name = h('input', { id: 'account-name', required: true, maxlength: 128, value: account ? account.name : '', readonly: !!account });
  const scheme = h('select', { id: 'account-scheme' }, SCHEMES.map(([v, l]) => h('option', { value: v, selected: account ? account.scheme === v : v === 'pplns' }, l)));
  const poolFee = h('input', { id: 'account-pool-fee', type: 'number', min: 0, max: 10000, step: 1, value: account ? account.poolFeeBps : 0 });
  const hostingFee = h('input', { id: 'account-hosting-fee', type: 'number', min: 0, max: 10000, step: 1, value: account ? account.hostingFeeBps : 0 });
  const threshold = h('input', { id: 'account-threshold', type: 'number', min: 546, step: 1, required: true, value: account ? account.payoutThresholdSats : 100000 });
  const wallet = h('input', { id: 'account-wallet', maxlength: 90, value: account ? account.walletAddress || '' : '', placeholder: 'bc1… / tb1… / bcrt1…', class: 'wallet-input' });
  const site = h('select', { id: 'account-site' }, h('option', { value: '' }, 'No site (no electricity charged)'),
    sites.map((x) => h('option', { value: x.name, selected: account && account.site === x.name }, x.name)));
  const error = h('div', { 'aria-live': 'assertive' });
  const title = account ? `Edit account ${account.id} ${account.name}` : 'New client account';
  const form = h('form', {
    class: 'card inline-form', id: 'account-form', 'aria-label': title,
    onsubmit: async (e) => {
      e.preventDefault();
      error.replaceChildren();
      const body = {
        scheme: scheme.value,
        poolFeeBps: Number(poolFee.value || 0),
        hostingFeeBps: Number(hostingFee.value || 0),
        payoutThresholdSats: Number(threshold.value),
        walletAddress: wallet.value.trim() || null,
        site: site.value || null,
      };
      if (!account) body.name = name.value.trim();
      const what = account ? `Save the settings of account ${account.name}?` : `Create client account ${body.name}?`;
      const detail = `${body.scheme.toUpperCase()}, fees ${body.poolFeeBps} + ${body.hostingFeeBps} bps, threshold ${sats(body.payoutThresholdSats)}, `
        + `${body.walletAddress ? `paid to ${body.walletAddress}` : 'no payout address (nothing is paid until one is set)'}. New terms apply from the next accounting run.`;
      if (!(await confirmDialog(what, detail, account ? 'Save account' : 'Create account'))) return;
      try {
        const saved = await api(account ? `/api/v1/accounts/${account.id}` : '/api/v1/accounts', { method: account ? 'PUT' : 'POST', body });
        toast(account ? `Account ${saved.name} saved.` : `Account ${saved.id} ${saved.name} created.`);
        clear(box);
        done();
      } catch (err) {
        error.append(note('error', err.message));
      }
    },
  }, h('h2', {}, title),
  field('account-name', 'Name', name), field('account-scheme', 'Scheme', scheme),
  field('account-pool-fee', 'Pool fee (bps)', poolFee), field('account-hosting-fee', 'Hosting fee (bps)', hostingFee),
  field('account-threshold', 'Payout threshold (sat)', threshold), field('account-wallet', 'Payout address', wallet),
  field('account-site', 'Site', site),
  h('button', { type: 'submit', id: 'account-save' }, account ? 'Save account' : 'Create account'),
  h('button', { type: 'button', class: 'secondary', id: 'account-cancel', onclick: () => clear(box) }, 'Cancel'),
  error);
  clear(box).append(form);
  (account ? scheme : name).focus();
}

export const accounts = {
  async render(main, ctx) {
    const check = h('div', { id: 'ledger-check' });
    const box = h('div', { id: 'accounts' });
    const editor = h('div', { id: 'account-editor' });
    let sites = [];
    main.append(h('div', { class: 'page-head' }, h('h1', {}, 'Accounts'), check,
      ctx.isAdmin ? h('button', { type: 'button', class: 'secondary', id: 'account-new', onclick: () => accountForm(editor, null, sites, reload) }, 'New account') : null),
    editor, box);
    if (ctx.session.role !== 'client') {
      load(check, '/api/v1/ledger/check', (c) => h('span', { class: c.balanced ? 'ok' : 'bad', role: 'status' },
        c.balanced ? `Ledger balanced (${count(c.transactions)} transactions checked ${when(c.checkedAt)})`
          : `Ledger NOT balanced: ${count(c.unbalancedTransactionCount)} unbalanced transactions, ${count(c.balanceMismatchCount)} balance mismatches`), 'ledger check');
    }
    if (ctx.isAdmin) {
      api('/api/v1/sites').then((r) => { sites = r.items || []; }).catch(() => {});
    }
    async function reload() {
      await load(box, '/api/v1/accounts', (b) => {
        // {"items":[account with balances],"total","farm"} (farm for staff); older shapes tolerated
        const clients = Array.isArray(b) ? b : b.items || b.clients || [];
        const farmMap = b.farm || b.farmSats;
        const farm = farmMap ? Object.entries(farmMap) : [];
        const rigCount = (r) => (Array.isArray(r) ? r.length : r);
        return h('div', {},
          farm.length ? h('section', {}, h('h2', {}, 'Farm'), h('dl', { class: 'facts', id: 'farm-balances' },
            farm.map(([k, v]) => [h('dt', {}, k), h('dd', {}, `${sats(v)} `, h('span', { class: 'muted' }, btc(v)))]))) : null,
          h('h2', {}, ctx.session.role === 'client' ? 'Your account' : 'Client accounts'),
          clients.length
            ? table('account-table', [['Account'], ['Scheme'], ['Site'], ['Rigs', true], ['Earnings', true], ['Fees', true],
              ['Electricity', true], ['Paid out', true], ['Payable', true], ['Threshold', true], ['Wallet'], ['Shares'], ...(ctx.isAdmin ? [['']] : [])],
            clients.map((c) => h('tr', { dataset: { account: c.id } },
              h('td', {}, `${c.id ?? c.clientAccountId ?? c.accountId ?? ''}${c.name ? ` ${c.name}` : ''}`),
              h('td', {}, c.scheme || ''), h('td', {}, c.site ? (c.site.name || c.site.code || String(c.site)) : ''),
              h('td', { class: 'num' }, c.rigs === undefined ? '' : count(rigCount(c.rigs))),
              h('td', { class: 'num' }, sats(c.earningsSats)), h('td', { class: 'num' }, sats(c.feesSats)),
              h('td', { class: 'num' }, sats(c.electricitySats)), h('td', { class: 'num' }, sats(c.paidSats ?? c.payoutsSats)),
              h('td', { class: 'num' }, h('strong', {}, sats(c.payableSats))),
              h('td', { class: 'num' }, c.payoutThresholdSats === undefined ? '' : sats(c.payoutThresholdSats)),
              h('td', { class: 'wallet' }, c.walletAddress || '—'),
              h('td', {}, h('a', { href: `#/shares${query({ account: ctx.session.role === 'client' ? null : c.id })}` }, 'Shares')),
              ctx.isAdmin ? h('td', {}, h('button', {
                type: 'button', class: 'secondary account-edit', 'aria-label': `Edit account ${c.name}`,
                onclick: () => accountForm(editor, c, sites, reload),
              }, 'Edit')) : null)))
            : note('empty', ctx.session.role === 'client' ? 'No account is linked to your login yet.' : 'No client accounts yet.'));
      }, 'accounts');
    }
    await reload();
  },
};

/** Records a batch's paying transaction (admins), after a confirmation. */
function markPaidForm(box, batch, done) {
  const txid = h('input', { id: 'paid-txid', required: true, pattern: '[0-9a-fA-F]{64}', maxlength: 64, class: 'wallet-input', placeholder: '64 hex digits' });
  const fee = h('input', { id: 'paid-fee', type: 'number', min: 0, step: 1, value: 0 });
  const error = h('div', { 'aria-live': 'assertive' });
  const form = h('form', {
    class: 'card inline-form', id: 'paid-form', 'aria-label': `Mark batch ${batch.id} paid`,
    onsubmit: async (e) => {
      e.preventDefault();
      error.replaceChildren();
      if (!(await confirmDialog(`Mark batch ${batch.id} paid?`,
        `${sats(batch.totalSats)} to ${count((batch.items || []).length)} accounts, paid by transaction ${txid.value.trim()}. `
        + 'This books the payments in the ledger and cannot be undone.', 'Mark paid'))) return;
      try {
        await api(`/api/v1/payouts/${batch.id}/paid`, { method: 'POST', body: { txid: txid.value.trim(), networkFeeSats: Number(fee.value || 0) } });
        toast(`Batch ${batch.id} marked paid.`);
        clear(box);
        done();
      } catch (err) {
        error.append(note('error', err.message));
      }
    },
  }, h('h2', {}, `Mark batch ${batch.id} paid`),
  h('label', { for: 'paid-txid' }, 'Transaction id'), txid,
  h('label', { for: 'paid-fee' }, 'Network fee (sat)'), fee,
  h('button', { type: 'submit', id: 'paid-save' }, 'Mark paid'),
  h('button', { type: 'button', class: 'secondary', id: 'paid-cancel', onclick: () => clear(box) }, 'Cancel'),
  error);
  clear(box).append(form);
  txid.focus();
}

/** Shows the bitcoind sendmany request that pays a batch (admins), to copy into a wallet. */
async function showSendMany(box, batch) {
  try {
    const body = await api(`/api/v1/payouts/${batch.id}/sendmany`);
    clear(box).append(h('div', { class: 'card', id: 'sendmany' }, h('h2', {}, `sendmany for batch ${batch.id}`),
      h('p', { class: 'muted' }, 'POST this to the paying wallet\'s bitcoind (JSON-RPC), then record its txid with "Mark paid".'),
      h('pre', { class: 'code' }, JSON.stringify(body, null, 2)),
      h('button', { type: 'button', class: 'secondary', onclick: () => clear(box) }, 'Close')));
  } catch (e) {
    clear(box).append(note('error', e.message));
  }
}

export const payouts = {
  async render(main, ctx) {
    const box = h('div', { id: 'payouts' });
    const editor = h('div', { id: 'payout-editor' });
    const build = async () => {
      if (!(await confirmDialog('Build the due payout batch now?',
        'Runs the accounting that is due, then gathers every account whose payable balance reaches its threshold into a pending batch, as the payout job would.', 'Build batch'))) return;
      try {
        const r = await api('/api/v1/payouts', { method: 'POST', body: {} });
        toast(r.createdNow ? `Batch ${r.batch.id} built.` : `Batch ${r.batch.id} already existed.`);
      } catch (e) {
        toast(e.message);
      }
      await reload();
    };
    main.append(h('div', { class: 'page-head' }, h('h1', {}, 'Payouts'),
      ctx.isAdmin ? h('button', { type: 'button', id: 'payout-build', onclick: build }, 'Build due batch') : null),
    editor, box);
    async function reload() {
      await load(box, '/api/v1/payouts', (p) => {
        const batches = Array.isArray(p) ? p : p.items || [];
        if (!batches.length) return note('empty', 'No payout batches yet: they appear after the payout job has run.');
        const staffActions = ctx.session.role === 'admin' || ctx.session.role === 'operator';
        return h('div', {}, table('payout-table', [['Batch'], ['Period'], ['Status'], ['Total', true], ['Payments', true], ['Skipped', true], ['Transaction'], ['Paid'], ...(staffActions ? [['']] : [])],
          batches.map((b) => h('tr', { dataset: { batch: b.id } },
            h('td', {}, String(b.id)),
            h('td', {}, b.period ? `${when(b.period.start)} – ${when(b.period.end)}` : ''),
            h('td', {}, h('span', { class: `badge payout-${String(b.status).toLowerCase()}` }, String(b.status || '').toLowerCase())),
            h('td', { class: 'num' }, sats(b.totalSats)),
            h('td', { class: 'num' }, count((b.items || []).length)),
            h('td', { class: 'num' }, count((b.skips || []).length)),
            h('td', { class: 'txid', title: b.txid || null }, b.txid ? `${b.txid.slice(0, 10)}…${b.txid.slice(-6)}` : '—'),
            h('td', {}, b.paidAt ? when(b.paidAt) : '—'),
            staffActions ? h('td', { class: 'actions-cell' },
              (b.items || []).length ? h('a', { class: 'button-like', href: `/api/v1/payouts/${b.id}/csv`, download: `payout-batch-${b.id}.csv` }, 'CSV') : null,
              ctx.isAdmin && String(b.status).toLowerCase() === 'pending' && (b.items || []).length ? [
                h('button', { type: 'button', class: 'secondary payout-sendmany', onclick: () => showSendMany(editor, b) }, 'sendmany'),
                h('button', { type: 'button', class: 'payout-mark-paid', onclick: () => markPaidForm(editor, b, reload) }, 'Mark paid')] : null) : null))),
        batches.filter((b) => (b.items || []).length || (b.skips || []).length).slice(0, 20).map((b) => h('details', { class: 'card' },
          h('summary', {}, `Batch ${b.id}: ${count((b.items || []).length)} payments, ${count((b.skips || []).length)} skipped`),
          (b.items || []).length ? table(null, [['Account'], ['Address'], ['Amount', true]], b.items.map((i) => h('tr', {},
            h('td', {}, String(i.accountId)), h('td', {}, i.address), h('td', { class: 'num' }, sats(i.amountSats))))) : null,
          (b.skips || []).length ? table(null, [['Account'], ['Payable', true], ['Why skipped']], b.skips.map((s) => h('tr', {},
            h('td', {}, String(s.accountId)), h('td', { class: 'num' }, sats(s.payableSats)), h('td', {}, s.reason)))) : null)));
      }, 'payout batches');
    }
    await reload();
  },
};
