// Shared by the board and the chat page: JSON calls to the API. The board is signed in by a cookie the
// script cannot read; changes carry the antiforgery token from /api/staff/session.
const api = {
  csrf: '',
  async session() {
    const session = await api.call('GET', '/api/staff/session');
    api.csrf = session.antiforgery_token;
    return session;
  },
  headers(extra = {}) {
    return { 'Accept': 'application/json', ...extra };
  },
  async call(method, path, body, extra = {}) {
    const headers = api.headers(body === undefined ? extra : { 'Content-Type': 'application/json', ...extra });
    if (method !== 'GET' && api.csrf) headers['X-CSRF-TOKEN'] = api.csrf;
    const response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const error = new Error(data?.detail || data?.title || response.statusText);
      error.status = response.status;
      throw error;
    }
    return data;
  },
  // Server-sent events over fetch, because EventSource cannot send a header (the chat's session).
  async stream(path, onEvent, signal, extra = {}) {
    const response = await fetch(path, { headers: api.headers({ 'Accept': 'text/event-stream', ...extra }), signal });
    if (!response.ok) throw Object.assign(new Error(response.statusText), { status: response.status });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const type = /^event: ?(.*)$/m.exec(block)?.[1] || 'message';
        const data = block.split('\n').filter(l => l.startsWith('data:')).map(l => l.slice(5).trimStart()).join('\n');
        if (data) onEvent(type, JSON.parse(data));
      }
    }
  },
};

const money = (amount, currency) =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);

// "+491701234567" -> "+491******67": staff can tell customers apart without reading their number.
const maskPhone = (id) => {
  if (id.length <= 4) return '*'.repeat(id.length);
  const keep = Math.min(4, Math.floor(id.length / 3));
  return id.slice(0, keep) + '*'.repeat(Math.min(6, id.length - keep - 2)) + id.slice(-2);
};

const describeLine = (line) => {
  const details = [];
  if (line.size) details.push(line.size);
  for (const option of line.options || []) {
    details.push(`${option.negated ? 'no ' : ''}${option.qualifier && !option.negated ? option.qualifier + ' ' : ''}${option.name.toLowerCase()}${option.half ? ` (${option.half} half)` : ''}`);
  }
  return `${line.quantity}× ${line.name}${details.length ? ` (${details.join(', ')})` : ''}`;
};
