// The agent view: presence with time in state, pushed screen pops (toast + card), the customer card,
// reply, wrap-up with a disposition, ticket status.
import { api, stream, BASE } from './api.js';
import { el, duration, when, size, STATE_LABELS } from './format.js';

const $ = (id) => document.getElementById(id);
const LAST_EVENT = 'switchboard.lastPopEvent';
const OPEN_STATES = new Set(['OFFERED', 'ACTIVE', 'WRAP_UP']);

export class AgentView {
  constructor(me) {
    this.me = me;
    this.cards = new Map(); // interaction id -> {interaction, contact, customer, history, openTickets, script}
    this.selected = null;
    this.source = null;
    this.presence = { presence: me.presence, reason: me.reason, since: me.since };
    this.timer = null;
  }

  async start() {
    if (this.source) return;
    this.bind();
    this.renderPresence();
    this.timer = setInterval(() => this.tick(), 1000);
    await this.loadCurrentWork();
    const last = sessionStorage.getItem(LAST_EVENT);
    const path = '/agents/me/pops' + (last ? '?lastEventId=' + encodeURIComponent(last) : '');
    this.source = stream(path, {
      pop: (pop, id) => { this.remember(id); this.onPop(pop); },
      interaction: (interaction, id) => { this.remember(id); this.onInteraction(interaction); },
      presence: (presence, id) => { this.remember(id); this.presence = presence; this.renderPresence(); },
    }, $('stream-status'));
  }

  stop() {
    if (this.source) this.source.close();
    clearInterval(this.timer);
  }

  remember(id) { if (id) sessionStorage.setItem(LAST_EVENT, id); }

  bind() {
    $('presence-select').addEventListener('change', () => this.changePresence());
    $('presence-reason').addEventListener('keydown', (e) => { if (e.key === 'Enter') this.changePresence(true); });
    $('accept').addEventListener('click', () => this.act('accept'));
    $('decline').addEventListener('click', () => this.act('decline'));
    $('finish').addEventListener('click', () => this.act('finish'));
    $('close').addEventListener('click', () => this.closeInteraction());
    $('reply-send').addEventListener('click', () => this.reply());
    $('reply-body').addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); this.reply(); }
    });
    document.addEventListener('keydown', (e) => {
      if ($('agent').hidden || !e.altKey) return;
      // by key position (e.code): Alt+letter types other characters on some layouts
      const keys = {
        KeyA: () => this.act('accept'), KeyD: () => this.act('decline'), KeyR: () => $('reply-body').focus(),
        KeyW: () => $('disposition').focus(), ArrowUp: () => this.move(-1), ArrowDown: () => this.move(1),
      };
      const action = keys[e.code];
      if (action) { e.preventDefault(); action(); }
    });
  }

  async loadCurrentWork() {
    for (const id of this.me.interactions || []) {
      try {
        const details = await api('GET', `/interactions/${id}`);
        if (!OPEN_STATES.has(details.state)) continue;
        const card = { interaction: details, contact: details.contact, customer: details.customer, history: [],
          openTickets: [], script: await this.scriptOf(details.queue) };
        if (details.customer) {
          const [history, tickets] = await Promise.all([
            api('GET', `/customers/${details.customer.id}/history?limit=11`),
            api('GET', `/customers/${details.customer.id}/tickets?open=true`)]);
          card.history = history.filter((i) => i.id !== id).slice(0, 10);
          card.openTickets = tickets.map((t) => t.ref || t);
        }
        this.cards.set(id, card);
      } catch (e) {
        // gone meanwhile: nothing to show
      }
    }
    this.renderWork();
    if (!this.selected && this.cards.size) this.select(this.cards.keys().next().value);
  }

  /** The queue's script, for a card rebuilt after a page reload (a pop carries its own). */
  async scriptOf(queueId) {
    if (!queueId) return null;
    try {
      return (await api('GET', `/queues/${encodeURIComponent(queueId)}`)).script || null;
    } catch (e) {
      return null;
    }
  }

  onPop(pop) {
    const id = pop.interaction.id;
    const known = this.cards.has(id);
    this.cards.set(id, pop);
    this.renderWork();
    if (!known && pop.interaction.state === 'OFFERED') this.toast(pop);
    if (!this.selected || this.selected === id) this.select(id);
  }

  onInteraction(interaction) {
    const card = this.cards.get(interaction.id);
    if (!card) return;
    if (!OPEN_STATES.has(interaction.state) || interaction.agent !== this.me.id) {
      this.cards.delete(interaction.id);
      this.dropToast(interaction.id);
      if (this.selected === interaction.id) {
        this.selected = null;
        const next = this.cards.keys().next();
        if (!next.done) this.select(next.value); else this.renderCard();
      }
    } else {
      card.interaction = { ...card.interaction, ...interaction };
      if (interaction.state !== 'OFFERED') this.dropToast(interaction.id);
      if (this.selected === interaction.id) this.renderCard();
    }
    this.renderWork();
    this.renderPresence();
  }

  toast(pop) {
    const id = pop.interaction.id;
    const name = pop.customer ? (pop.customer.displayName || pop.customer.addresses[0]?.value) : pop.contact?.from?.value;
    const node = el('div', { class: 'toast', id: 'toast', 'data-interaction': id, role: 'alert' },
      el('div', { class: 'title' }, `${pop.interaction.channel}: ${name || 'unknown'}`),
      el('div', { class: 'what' }, pop.interaction.summary || ''),
      el('button', { class: 'primary', onclick: () => { this.select(id); this.act('accept'); } }, 'Accept (Alt+A)'),
      el('button', { onclick: () => { this.select(id); this.act('decline'); } }, 'Decline (Alt+D)'),
      el('button', { onclick: () => this.select(id) }, 'Show'));
    $('toasts').append(node);
  }

  dropToast(id) {
    for (const node of document.querySelectorAll(`.toast[data-interaction="${id}"]`)) node.remove();
  }

  move(step) {
    const ids = [...this.cards.keys()];
    if (!ids.length) return;
    const at = Math.max(0, ids.indexOf(this.selected));
    this.select(ids[(at + step + ids.length) % ids.length]);
  }

  select(id) {
    this.selected = id;
    this.renderWork();
    this.renderCard();
  }

  renderWork() {
    const list = $('work-list');
    list.replaceChildren(...[...this.cards.values()].map((card) => {
      const i = card.interaction;
      return el('li', { 'data-interaction': i.id, 'aria-selected': String(i.id === this.selected), tabindex: 0,
        onclick: () => this.select(i.id), onkeydown: (e) => { if (e.key === 'Enter') this.select(i.id); } },
      el('div', { class: 'who-line' }, label(card), ' ', el('span', { class: 'badge' }, STATE_LABELS[i.state] || i.state)),
      el('div', { class: 'what' }, `${i.channel} · ${i.summary || ''}`));
    }));
  }

  renderCard() {
    const card = this.cards.get(this.selected);
    $('card').hidden = !card;
    $('card-empty').hidden = !!card;
    if (!card) return;
    const i = card.interaction;
    const customer = card.customer;
    $('card-name').textContent = label(card);
    $('card-addresses').replaceChildren(...(customer ? customer.addresses : [card.contact?.from].filter(Boolean))
      .map((a) => el('li', { class: 'address' }, `${a.kind}: ${a.value}`)));
    $('card-links').replaceChildren(...(customer ? customer.crmRefs : []).filter((r) => r.url)
      .map((r) => el('li', {}, el('a', { href: r.url, target: '_blank', rel: 'noopener' }, `${r.connectorId} ${r.type}`))));
    $('card-state').textContent = STATE_LABELS[i.state] || i.state;
    $('accept').hidden = i.state !== 'OFFERED';
    $('decline').hidden = i.state !== 'OFFERED';
    $('finish').hidden = i.state !== 'ACTIVE';
    $('wrapup').hidden = !(i.state === 'ACTIVE' || i.state === 'WRAP_UP');
    $('current-channel').textContent = i.channel;
    $('current-queue').textContent = i.queue ? `queue ${i.queue}` : '';
    $('current-subject').textContent = card.contact?.subject || '';
    $('current-body').textContent = card.contact?.body || '';
    const files = card.contact?.attachments || [];
    $('current-files').hidden = files.length === 0;
    $('current-files').replaceChildren(...files.map((f) => el('li', {},
      // the server sends every file as a download (Content-Disposition: attachment), never to render
      el('a', { href: `${BASE}/interactions/${i.id}/attachments/${encodeURIComponent(f.id)}`, download: f.name || '' },
        f.name || f.id), ' ', el('span', { class: 'muted' }, [f.type, size(f.size)].filter(Boolean).join(', ')))));
    $('script-box').hidden = !card.script;
    $('script').textContent = card.script || '';
    $('tickets').replaceChildren(...card.openTickets.map((t) => this.ticketRow(t)));
    $('history').replaceChildren(...card.history.map((h) => el('tr', {},
      el('td', {}, when(h.createdAt)), el('td', {}, h.channel), el('td', {}, h.summary || ''),
      el('td', {}, h.disposition || STATE_LABELS[h.state] || h.state))));
  }

  ticketRow(ticket) {
    const select = el('select', { 'aria-label': `Status of ${ticket.number}` },
      ...['open', 'pending', 'closed'].map((s) => el('option', { value: s, selected: s === ticket.status }, s)));
    const status = el('span', { class: 'muted' });
    const save = el('button', { onclick: async () => {
      try {
        await api('PUT', `/tickets/${encodeURIComponent(ticket.number)}/status`, { status: select.value });
        ticket.status = select.value;
        status.textContent = 'sent to the CRM';
      } catch (e) { status.textContent = e.message; }
    } }, 'Set');
    const number = ticket.url ? el('a', { href: ticket.url, target: '_blank', rel: 'noopener' }, ticket.number) : ticket.number;
    return el('tr', {}, el('td', {}, number), el('td', {}, select), el('td', {}, save, ' ', status));
  }

  async act(action) {
    const card = this.cards.get(this.selected);
    if (!card) return;
    const want = { accept: 'OFFERED', decline: 'OFFERED', finish: 'ACTIVE' }[action];
    if (card.interaction.state !== want) return;
    try {
      const changed = await api('POST', `/interactions/${card.interaction.id}/${action}`);
      this.onInteraction(changed);
      if (action === 'accept') $('reply-body').focus();
    } catch (e) {
      $('reply-status').textContent = e.message;
    }
  }

  async reply() {
    const card = this.cards.get(this.selected);
    const body = $('reply-body').value.trim();
    if (!card || !body) return;
    $('reply-send').disabled = true;
    $('reply-status').textContent = 'sending…';
    try {
      const sent = await api('POST', `/interactions/${card.interaction.id}/replies`, { body });
      $('reply-body').value = '';
      $('reply-status').textContent = `queued for sending (command ${sent.commandId})`;
    } catch (e) {
      $('reply-status').textContent = `not sent: ${e.message}`;
    } finally {
      $('reply-send').disabled = false;
    }
  }

  async closeInteraction() {
    const card = this.cards.get(this.selected);
    if (!card) return;
    try {
      const closed = await api('POST', `/interactions/${card.interaction.id}/close`,
        { disposition: $('disposition').value.trim() || null });
      $('disposition').value = '';
      this.onInteraction(closed);
    } catch (e) {
      $('reply-status').textContent = e.message;
    }
  }

  async changePresence(fromReason = false) {
    const presence = $('presence-select').value;
    $('presence-reason').hidden = presence !== 'AWAY';
    if (presence === 'AWAY' && !fromReason) { $('presence-reason').focus(); }
    try {
      const me = await api('PUT', '/agents/me/presence', { presence, reason: $('presence-reason').value || null });
      this.presence = { presence: me.presence, reason: me.reason, since: me.since };
      this.renderPresence();
    } catch (e) {
      $('presence-state').textContent = e.message;
    }
  }

  /** The state shown: what the agent chose, or wrap-up while one of their interactions is in it. */
  shownState() {
    const wrapping = [...this.cards.values()].map((c) => c.interaction).find((i) => i.state === 'WRAP_UP');
    if (wrapping && this.presence.presence !== 'OFFLINE') return { state: 'WRAP_UP', since: wrapping.endedAt };
    return { state: this.presence.presence, since: this.presence.since };
  }

  renderPresence() {
    const { state } = this.shownState();
    const label = STATE_LABELS[state] + (state === 'AWAY' && this.presence.reason ? ` – ${this.presence.reason}` : '');
    $('presence-state').textContent = label;
    $('presence-state').className = 'state ' + state;
    if (document.activeElement !== $('presence-select')) $('presence-select').value = this.presence.presence;
    $('presence-reason').hidden = this.presence.presence !== 'AWAY';
    this.tick();
  }

  tick() { $('presence-time').textContent = duration(this.shownState().since); }
}

function label(card) {
  const c = card.customer;
  if (c) return c.displayName || c.addresses[0]?.value || `#${c.id}`;
  return card.contact?.fromName || card.contact?.from?.value || 'Unknown';
}
