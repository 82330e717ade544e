// The panel that /switchboard/widget.js frames on a CRM page. Browsers send no SameSite cookie to a
// page framed by another site, so it signs in for a session token (kept in this tab's
// sessionStorage) and sends it as a Bearer token; the pop stream is read with fetch for the same
// reason (an EventSource cannot send it).
const BASE = '/switchboard/api';
const TOKEN = 'switchboard.widget.token';
const $ = (id) => document.getElementById(id);

let token = sessionStorage.getItem(TOKEN);
let me = null;
let stream = null;
let lastEventId = null;

async function api(method, path, body) {
  const headers = { Accept: 'application/json', 'X-Requested-With': 'switchboard-widget' };
  if (token) headers.Authorization = 'Bearer ' + token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(BASE + path, { method, headers, credentials: 'omit',
    body: body === undefined ? undefined : JSON.stringify(body) });
  const text = response.status === 204 ? '' : await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error((json && json.error) || response.statusText || ('HTTP ' + response.status));
    error.status = response.status;
    throw error;
  }
  return json;
}

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null) node[key] = value;
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

function reportHeight() {
  parent.postMessage({ type: 'switchboard:height', height: document.documentElement.scrollHeight }, '*');
}

function showSignIn(message) {
  $('signin').hidden = false;
  $('desk').hidden = true;
  $('who').textContent = '';
  $('signin-error').textContent = message || '';
  reportHeight();
}

async function signIn(event) {
  event.preventDefault();
  try {
    token = null;
    const session = await api('POST', '/session?token=true', { user: $('user').value, password: $('password').value });
    token = session.token;
    sessionStorage.setItem(TOKEN, token);
    $('password').value = '';
    await start();
  } catch (e) {
    showSignIn(e.status === 401 ? 'User name or password is wrong.' : e.message);
  }
}

async function start() {
  try {
    me = await api('GET', '/agents/me');
  } catch (e) {
    token = null;
    sessionStorage.removeItem(TOKEN);
    showSignIn(e.status === 403 ? 'Only agents have a panel.' : '');
    return;
  }
  $('who').textContent = me.name || me.login;
  $('presence').value = me.presence;
  $('signin').hidden = true;
  $('desk').hidden = false;
  reportHeight();
  listen();
}

// ------------------------------------------------------------------ the pop stream

async function listen() {
  const controller = new AbortController();
  stream = controller;
  while (stream === controller && token) {
    try {
      const headers = { Accept: 'text/event-stream', Authorization: 'Bearer ' + token };
      if (lastEventId) headers['Last-Event-ID'] = lastEventId;
      const response = await fetch(BASE + '/agents/me/pops', { headers, credentials: 'omit', signal: controller.signal });
      if (response.status === 401) {
        token = null;
        sessionStorage.removeItem(TOKEN);
        showSignIn('Your session ended; sign in again.');
        return;
      }
      if (!response.ok || !response.body) throw new Error('HTTP ' + response.status);
      $('stream').className = 'stream live';
      await readEvents(response.body.getReader());
    } catch (e) {
      if (controller.signal.aborted) return;
    }
    $('stream').className = 'stream down';
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

async function readEvents(reader) {
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      dispatch(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
    }
  }
}

function dispatch(frame) {
  let name = 'message';
  let id = null;
  const data = [];
  for (const line of frame.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') name = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id') id = value;
  }
  if (id) lastEventId = id;
  if (data.length === 0) return;
  const body = JSON.parse(data.join('\n'));
  if (name === 'pop') showPop(body);
  else if (name === 'presence') $('presence').value = body.presence;
  else if (name === 'interaction') updateInteraction(body);
}

// ------------------------------------------------------------------ pops

function showPop(pop) {
  const interaction = pop.interaction;
  $('no-pop').hidden = true;
  const existing = document.querySelector(`.pop[data-interaction="${interaction.id}"]`);
  if (existing) existing.remove();
  const customer = pop.customer;
  const contact = pop.contact || {};
  const from = contact.from ? contact.from.value : '';
  const links = customer && customer.crmRefs ? customer.crmRefs.filter((r) => r.url) : [];
  const card = el('div', { className: 'pop' },
    el('div', { className: 'name' }, (customer && customer.displayName) || contact.fromName || from || 'Unknown'),
    el('div', { className: 'meta' }, `${interaction.channel} · ${from}`),
    contact.subject ? el('div', { className: 'subject' }, contact.subject) : null,
    links.length ? el('ul', {}, ...links.map((r) => el('li', {},
      el('a', { href: r.url, target: '_top', textContent: `${r.type} in ${r.connectorId}` })))) : null,
    pop.openTickets.length ? el('div', { className: 'meta' },
      'Open tickets: ' + pop.openTickets.map((t) => t.number || t.externalId).join(', ')) : null,
    el('div', { className: 'actions' },
      el('button', { type: 'button', className: 'accept', textContent: 'Accept', onclick: () => accept(interaction.id, card) }),
      el('span', { className: 'state muted', textContent: interaction.state.toLowerCase() })));
  card.dataset.interaction = interaction.id;
  $('pops').prepend(card);
  reportHeight();
}

function updateInteraction(interaction) {
  const card = document.querySelector(`.pop[data-interaction="${interaction.id}"]`);
  if (!card) return;
  if (['CLOSED', 'MISSED', 'ABANDONED'].includes(interaction.state) || interaction.agent !== me.id) {
    card.remove();
    $('no-pop').hidden = document.querySelector('.pop') !== null;
  } else {
    card.querySelector('.state').textContent = interaction.state.toLowerCase();
    card.querySelector('.accept').hidden = interaction.state !== 'OFFERED';
  }
  reportHeight();
}

async function accept(id, card) {
  try {
    updateInteraction(await api('POST', `/interactions/${id}/accept`));
  } catch (e) {
    card.querySelector('.state').textContent = e.message;
  }
}

// ------------------------------------------------------------------ click-to-call from the page

window.addEventListener('message', async (event) => {
  if (event.source !== parent || !event.data || event.data.type !== 'switchboard:call') return;
  const number = String(event.data.number || '').slice(0, 64);
  if (!me) {
    showSignIn('Sign in to call ' + number + '.');
    return;
  }
  $('call-status').textContent = 'Calling ' + number + '…';
  try {
    await api('POST', '/calls', { agent: me.id, number });
    $('call-status').textContent = 'Your phone rings for ' + number + '.';
  } catch (e) {
    $('call-status').textContent = e.status === 404
      ? 'Click-to-call needs the telephony feature.' : 'Could not call ' + number + ': ' + e.message;
  }
  reportHeight();
});

// ------------------------------------------------------------------ the rest

$('signin').addEventListener('submit', signIn);
$('presence').addEventListener('change', async () => {
  try {
    await api('PUT', '/agents/me/presence', { presence: $('presence').value });
  } catch (e) {
    $('call-status').textContent = e.message;
  }
});
$('sign-out').addEventListener('click', async () => {
  const controller = stream;
  stream = null;
  if (controller) controller.abort();
  try { await api('DELETE', '/session'); } catch (e) { /* signed out anyway */ }
  token = null;
  me = null;
  sessionStorage.removeItem(TOKEN);
  document.querySelectorAll('.pop').forEach((p) => p.remove());
  showSignIn();
});
$('toggle').addEventListener('click', () => {
  $('panel').classList.toggle('collapsed');
  $('toggle').textContent = $('panel').classList.contains('collapsed') ? '▴' : '▾';
  reportHeight();
});

if (token) start(); else showSignIn();
