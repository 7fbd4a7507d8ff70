// Shared by the board and the chat page: the staff key and JSON calls to the API.
const api = {
  key: () => sessionStorage.getItem('orderbot-key') || '',
  setKey: (key) => key ? sessionStorage.setItem('orderbot-key', key) : sessionStorage.removeItem('orderbot-key'),
  headers(extra = {}) {
    const headers = { 'Accept': 'application/json', ...extra };
    if (api.key()) headers['X-Api-Key'] = api.key();
    return headers;
  },
  async call(method, path, body) {
    const response = await fetch(path, {
      method,
      headers: api.headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
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
  // Server-sent events over fetch, because EventSource cannot send the key header.
  async stream(path, onEvent, signal) {
    const response = await fetch(path, { headers: api.headers({ 'Accept': 'text/event-stream' }), signal });
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
