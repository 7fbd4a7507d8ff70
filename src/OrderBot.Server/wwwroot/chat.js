// "Try the bot": a WhatsApp-like chat with the same conversation the webhook uses, over the web channel.
const el = (id) => document.getElementById(id);
// The session is a secret of this browser: 128 random bits, sent only in a header.
let session = localStorage.getItem('orderbot-chat-session') || newSession();
let stream;
const sessionHeader = () => ({ 'X-Chat-Session': session });

function newSession() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const id = btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
  localStorage.removeItem('orderbot-chat');
  localStorage.setItem('orderbot-chat-session', id);
  sessionStorage.removeItem('orderbot-transcript');
  return id;
}

const transcript = () => JSON.parse(sessionStorage.getItem('orderbot-transcript') || '[]');

function remember(entry) {
  const all = transcript();
  all.push(entry);
  sessionStorage.setItem('orderbot-transcript', JSON.stringify(all.slice(-200)));
}

function bubble(entry) {
  const li = document.createElement('li');
  li.className = `bubble ${entry.from}`;
  const text = document.createElement('p');
  text.textContent = entry.message.text;
  li.append(text);
  const message = entry.message;
  if (message.kind === 'buttons') {
    const row = document.createElement('div');
    row.className = 'choices';
    for (const button of message.buttons) row.append(choiceButton(button.id, button.title));
    li.append(row);
  } else if (message.kind === 'list') {
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = message.button_label;
    details.append(summary);
    for (const section of message.sections) {
      const title = document.createElement('h3');
      title.textContent = section.title;
      details.append(title);
      for (const row of section.rows) {
        const choice = choiceButton(row.id, row.title);
        choice.className = 'row';
        if (row.description) {
          const small = document.createElement('small');
          small.textContent = row.description;
          choice.append(small);
        }
        details.append(choice);
      }
    }
    li.append(details);
  }
  const time = document.createElement('time');
  time.textContent = new Date(entry.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  li.append(time);
  el('messages').append(li);
  li.scrollIntoView({ block: 'end' });
}

function choiceButton(id, title) {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = title;
  button.addEventListener('click', () => send({ choice_id: id, text: title }));
  return button;
}

function show(from, message) {
  const entry = { from, message, at: new Date().toISOString() };
  remember(entry);
  bubble(entry);
}

async function send(body) {
  show('me', { kind: 'text', text: body.text });
  try {
    await api.call('POST', '/api/chat/messages', body, sessionHeader());
  } catch (error) {
    show('system', { kind: 'text', text: `Not sent: ${error.message}` });
  }
}

async function listen() {
  stream?.abort();
  stream = new AbortController();
  for (;;) {
    try {
      await api.stream('/api/chat/events', (type, message) => type === 'message' && show('bot', message), stream.signal, sessionHeader());
    } catch (error) {
      if (stream.signal.aborted) return;
    }
    await new Promise(resolve => setTimeout(resolve, 1500));
  }
}

el('composer').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = el('text').value.trim();
  if (!text) return;
  el('text').value = '';
  send({ text });
});

el('restart').addEventListener('click', () => {
  session = newSession();
  el('messages').replaceChildren();
  listen();
  send({ text: 'hi' });
});

transcript().forEach(bubble);
api.call('GET', '/api/chat/shop').then(shop => { el('shop').textContent = `· ${shop.name}`; }).catch(() => {});
listen();
if (transcript().length === 0) send({ text: 'hi' });
el('text').focus();
