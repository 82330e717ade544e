// The supervisor view: queues and agents, redrawn from each snapshot the supervisor stream pushes.
import { stream } from './api.js';
import { el, duration, seconds, STATE_LABELS } from './format.js';

const $ = (id) => document.getElementById(id);

export class SupervisorView {
  constructor() { this.source = null; this.picture = null; this.timer = null; }

  start() {
    if (this.source) return;
    this.source = stream('/supervisor/events', { snapshot: (picture) => { this.picture = picture; this.render(); } },
      $('stream-status'));
    this.timer = setInterval(() => this.renderClocks(), 1000);
  }

  stop() {
    if (this.source) this.source.close();
    clearInterval(this.timer);
  }

  render() {
    const p = this.picture;
    $('supervisor-at').textContent = `as of ${new Date(p.at).toLocaleTimeString()}`;
    $('queues').replaceChildren(...p.queues.map((q) => el('tr', { 'data-queue': q.id },
      el('th', {}, q.name),
      el('td', { class: 'waiting' }, q.waiting),
      el('td', {}, q.waiting ? seconds(q.longestWaitSeconds) : '–'),
      el('td', { class: 'offered' }, q.offeredToday),
      el('td', { class: 'answered' }, q.answeredToday),
      el('td', { class: 'abandoned' }, q.abandonedToday),
      el('td', { class: q.serviceLevelToday === null ? '' : q.serviceLevelToday >= q.serviceLevelTargetPercent ? 'sl-ok' : 'sl-bad',
        title: `target ${q.serviceLevelTargetPercent}% in ${q.serviceLevelTargetSeconds} s` },
      q.serviceLevelToday === null ? '–' : `${q.serviceLevelToday}%`),
      el('td', {}, `${q.agentsAvailable} / ${q.agentsSignedIn}`))));
    $('agents').replaceChildren(...p.agents.map((a) => el('tr', { 'data-agent': a.id },
      el('th', {}, a.name),
      el('td', {}, el('span', { class: 'state ' + a.state },
        (STATE_LABELS[a.state] || a.state) + (a.state === 'AWAY' && a.reason ? ` – ${a.reason}` : ''))),
      el('td', { class: 'clock', 'data-since': a.stateSince }, duration(a.stateSince)),
      el('td', {}, a.interaction ? `#${a.interaction.id} ${a.interaction.channel} · ${a.interaction.summary || ''}` : ''))));
  }

  renderClocks() {
    for (const cell of document.querySelectorAll('#agents td[data-since]')) cell.textContent = duration(cell.dataset.since);
  }
}
