// Sign-in, sign-out and choosing the view for the signed-in user's roles.
import { api } from './api.js';
import { AgentView } from './agent.js';
import { SupervisorView } from './supervisor.js';

const $ = (id) => document.getElementById(id);
let views = {};

async function start() {
  let session;
  try {
    session = await api('GET', '/session');
  } catch (e) {
    showSignIn();
    return;
  }
  await enter(session);
}

function showSignIn(message = '') {
  for (const id of ['agent', 'supervisor', 'views', 'presence', 'sign-out']) $(id).hidden = true;
  $('who').textContent = '';
  $('signin').hidden = false;
  $('signin-error').textContent = message;
  $('signin-user').focus();
}

async function enter(session) {
  $('signin').hidden = true;
  $('who').textContent = session.login;
  $('sign-out').hidden = false;
  const roles = new Set(session.roles);
  views = {};
  if (roles.has('agent')) {
    try {
      const me = await api('GET', '/agents/me');
      views.agent = new AgentView(me);
    } catch (e) {
      // a user with the agent role who is not configured as an agent gets no agent view
    }
  }
  if (roles.has('supervisor') || roles.has('admin')) views.supervisor = new SupervisorView();
  if (!views.agent && !views.supervisor) {
    showSignIn('This user has no agent or supervisor access.');
    return;
  }
  $('views').hidden = false;
  $('view-agent').hidden = !views.agent;
  $('view-supervisor').hidden = !views.supervisor;
  show(views.agent ? 'agent' : 'supervisor');
}

function show(name) {
  if (!views[name]) return;
  for (const [key, view] of Object.entries(views)) {
    $(key).hidden = key !== name;
    $('view-' + key).setAttribute('aria-pressed', String(key === name));
    if (key === name) view.start(); // a view opens its event stream once and keeps it
  }
  $('presence').hidden = name !== 'agent';
}

$('signin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('signin-error').textContent = '';
  try {
    const session = await api('POST', '/session', { user: $('signin-user').value, password: $('signin-password').value });
    $('signin-password').value = '';
    await enter(session);
  } catch (e) {
    $('signin-error').textContent = e.status === 401 ? 'User name or password is wrong.' : e.message;
  }
});

$('sign-out').addEventListener('click', async () => {
  Object.values(views).forEach((v) => v.stop());
  views = {};
  await api('DELETE', '/session').catch(() => {});
  location.reload();
});

for (const button of document.querySelectorAll('#views button')) {
  button.addEventListener('click', () => show(button.dataset.view));
}

document.addEventListener('keydown', (event) => {
  if (event.altKey && event.code === 'Digit1') { show('agent'); event.preventDefault(); }
  if (event.altKey && event.code === 'Digit2') { show('supervisor'); event.preventDefault(); }
});

start();
