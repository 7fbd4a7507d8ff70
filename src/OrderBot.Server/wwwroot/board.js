// The staff board: today's orders by status, live over server-sent events.
const columns = ['pending', 'confirmed', 'preparing', 'ready', 'shipped', 'delivered', 'collected', 'cancelled'];
const orders = new Map();
let stream;

const el = (id) => document.getElementById(id);

function age(createdAt) {
  const minutes = Math.max(0, Math.round((Date.now() - new Date(createdAt)) / 60000));
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function renderCard(order) {
  const card = el('card').content.firstElementChild.cloneNode(true);
  card.dataset.id = order.id;
  card.querySelector('.number').textContent = `#${order.number}`;
  paymentBadge(card, order);
  card.querySelector('.age').textContent = age(order.created_at);
  card.querySelector('.customer').textContent = maskPhone(order.customer_id);
  const items = card.querySelector('.items');
  for (const line of order.items) {
    const li = document.createElement('li');
    li.textContent = `${describeLine(line)} · ${money(line.price * line.quantity, order.currency)}`;
    items.append(li);
  }
  const fulfilment = card.querySelector('.fulfilment');
  const handOver = order.fulfilment;
  if (handOver || order.payment) {
    const when = handOver?.requested_for ? `for ${new Date(handOver.requested_for).toLocaleString()}` : handOver?.estimated_at ? `about ${new Date(handOver.estimated_at).toLocaleTimeString()}` : '';
    const where = handOver?.mode === 'delivery' ? `Delivery to ${handOver.address || `${handOver.latitude}, ${handOver.longitude}`}` : handOver ? 'Pickup' : '';
    const paid = order.payment ? `${order.payment.method}, ${order.payment.state}` : '';
    fulfilment.textContent = [where, when, paid].filter(Boolean).join(' · ');
  } else {
    fulfilment.remove();
  }
  const notes = card.querySelector('.notes');
  if (order.special_instructions) {
    notes.textContent = `Note: ${order.special_instructions}`;
  } else {
    notes.remove();
  }
  card.querySelector('.total').textContent = `Total ${money(order.total_amount, order.currency)}`;
  const cancelRequest = card.querySelector('.cancel-request');
  cancelRequest.hidden = !order.cancel_requested_at;
  const crm = card.querySelector('.crm');
  if (order.crm) {
    crm.textContent = `CRM: ${order.crm.state.replace('_', ' ')}${order.crm.reason ? ` (${order.crm.reason})` : ''}`;
    crm.className = `crm crm-${order.crm.state}`;
  } else {
    crm.remove();
  }
  const history = card.querySelector('.history ol');
  for (const change of order.history || []) {
    const li = document.createElement('li');
    li.textContent = `${new Date(change.at).toLocaleTimeString()} ${change.from ? change.from + ' → ' : ''}${change.to} (${change.actor})`;
    history.append(li);
  }
  const actions = card.querySelector('.actions');
  for (const next of order.next_statuses) {
    if (order.awaiting_payment && next !== 'cancelled') continue; // the server refuses it until paid
    const button = document.createElement('button');
    button.textContent = next === 'cancelled' ? 'Cancel' : `Mark ${next}`;
    button.className = next === 'cancelled' ? 'danger' : '';
    button.dataset.status = next;
    button.addEventListener('click', () => move(order, next, button));
    actions.append(button);
  }
  if (order.cancel_requested_at) {
    // Accepting the request is the Cancel button above; refusing keeps the order going.
    const refuse = document.createElement('button');
    refuse.textContent = 'Refuse cancel';
    refuse.addEventListener('click', async () => {
      refuse.disabled = true;
      try {
        upsert(await api.call('DELETE', `/api/orders/${order.id}/cancel-request`));
      } catch (error) {
        alert(`Could not refuse for #${order.number}: ${error.message}`);
      }
    });
    actions.append(refuse);
  }
  return card;
}

async function move(order, status, button) {
  button.disabled = true;
  try {
    upsert(await api.call('PATCH', `/api/orders/${order.id}/status`, { status }));
  } catch (error) {
    alert(`Could not move #${order.number}: ${error.message}`);
    await load();
  }
}

// Payments: a badge on cards, and strips for orders the kitchen should not start yet.
// A scheduled order waits in its strip until it is within this many minutes of its requested time.
const scheduledLeadMinutes = 60;

function paymentBadge(card, order) {
  const online = order.payment?.method === 'online';
  const state = order.payment?.state === 'paid' ? 'paid' : order.awaiting_payment || (online && order.payment.state === 'pending') ? 'awaiting payment' : '';
  if (!state) return;
  const badge = document.createElement('span');
  badge.className = `badge badge-${state.replace(' ', '-')}`;
  badge.textContent = state;
  card.querySelector('.number').after(badge);
}

function heldBack(order) {
  if (order.awaiting_payment) return 'awaiting';
  const due = order.fulfilment?.requested_for;
  const open = order.status === 'pending' || order.status === 'confirmed';
  return open && due && new Date(due) - Date.now() > scheduledLeadMinutes * 60000 ? 'scheduled' : null;
}

function renderStrip(root, kind, title) {
  const held = [...orders.values()].filter(o => heldBack(o) === kind).sort((a, b) => a.created_at < b.created_at ? -1 : 1);
  if (held.length === 0) return;
  const strip = document.createElement('section');
  strip.className = `strip strip-${kind}`;
  const heading = document.createElement('h2');
  heading.textContent = `${title} `;
  const count = document.createElement('span');
  count.className = 'count';
  count.textContent = held.length;
  heading.append(count);
  strip.append(heading, ...held.map(renderCard));
  root.append(strip);
}

function render() {
  const root = el('columns');
  root.replaceChildren();
  const strips = document.createElement('div');
  strips.className = 'strips';
  renderStrip(strips, 'awaiting', 'Awaiting payment');
  renderStrip(strips, 'scheduled', 'Scheduled');
  if (strips.childElementCount) root.before(strips);
  document.querySelectorAll('.strips').forEach(old => old !== strips && old.remove());
  for (const status of columns) {
    const column = document.createElement('section');
    column.className = `column column-${status}`;
    column.dataset.status = status;
    const inColumn = [...orders.values()].filter(o => o.status === status && !heldBack(o)).sort((a, b) => a.created_at < b.created_at ? 1 : -1);
    const title = document.createElement('h2');
    title.textContent = `${status} `;
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = inColumn.length;
    title.append(count);
    column.append(title, ...inColumn.map(renderCard));
    root.append(column);
  }
}

function upsert(order) {
  const known = orders.get(order.id);
  if (!known || known.version <= order.version) orders.set(order.id, order);
  render();
}

async function load() {
  const midnight = new Date();
  midnight.setHours(0, 0, 0, 0);
  const list = await api.call('GET', `/api/orders?since=${encodeURIComponent(midnight.toISOString())}`);
  orders.clear();
  for (const order of list) orders.set(order.id, order);
  render();
  handovers.refresh();
  stock.refresh();
  crmNotice();
}

// A webhook receiver that answered 410 Gone is disabled until staff resume it: the board says so, one line per
// destination with its own way back.
async function crmNotice() {
  const destinations = await api.call('GET', '/api/crm/destinations').catch(() => []);
  const disabled = destinations.filter(d => d.state === 'disabled');
  const notice = el('crm-notice');
  notice.hidden = disabled.length === 0;
  notice.querySelector('.destinations').replaceChildren(...disabled.map(destination => {
    const item = document.createElement('li');
    const reason = document.createElement('span');
    reason.className = 'reason';
    reason.textContent = `${disabled.length > 1 || destinations.length > 1 ? `${destination.name}: ` : ''}Since ${new Date(destination.disabled_at).toLocaleString()}: ${destination.reason} `;
    const resume = document.createElement('button');
    resume.type = 'button';
    resume.className = 'resume';
    resume.textContent = 'Resume sending';
    resume.addEventListener('click', async () => {
      await api.call('POST', `/api/crm/destinations/${encodeURIComponent(destination.name)}/resume`).catch(error => alert(`Could not resume: ${error.message}`));
      await crmNotice();
    });
    item.append(reason, resume);
    return item;
  }));
}

async function listen() {
  stream?.abort();
  stream = new AbortController();
  for (;;) {
    try {
      el('live').textContent = 'live';
      el('live').className = 'live on';
      await api.stream('/api/orders/events', (type, order) => type === 'order' && upsert(order), stream.signal);
    } catch (error) {
      if (stream.signal.aborted) return;
      if (error.status === 401) return showLogin('Your sign-in has ended; sign in again.');
    }
    el('live').textContent = 'reconnecting…';
    el('live').className = 'live';
    await new Promise(resolve => setTimeout(resolve, 2000));
    await load().catch(() => {});
  }
}

async function start() {
  const session = await api.session();
  if (!session.via) return showLogin('');
  const menu = await api.call('GET', '/api/menu');
  el('shop').textContent = `· ${menu.name}`;
  el('login').hidden = true;
  el('board').hidden = false;
  el('logout').hidden = session.via !== 'staff';
  await load();
  listen();
}

function showLogin(message) {
  stream?.abort();
  el('board').hidden = true;
  el('login').hidden = false;
  el('login-error').textContent = message;
}

el('login').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await api.call('POST', '/api/staff/sign-in', { user_name: el('user').value.trim(), password: el('password').value });
  } catch (error) {
    return showLogin(error.message);
  }
  el('password').value = '';
  await start();
});
el('logout').addEventListener('click', async () => {
  await api.call('POST', '/api/staff/sign-out').catch(() => {});
  showLogin('');
  await api.session();
});
setInterval(() => !el('board').hidden && crmNotice(), 30000);
setInterval(() => document.querySelectorAll('.card').forEach(card => {
  const order = orders.get(card.dataset.id);
  if (order) card.querySelector('.age').textContent = age(order.created_at);
}), 30000);
start();
