// Conversations the bot handed to a person: the latest messages both ways, a reply box, and "hand back".
const handovers = {
  timer: null,

  async refresh() {
    const list = await api.call('GET', '/api/handovers').catch(() => null);
    if (list) handovers.render(list);
  },

  render(list) {
    const root = document.getElementById('handovers');
    root.hidden = list.length === 0;
    const cards = list.map(handovers.card);
    const title = document.createElement('h2');
    title.textContent = `Needs a person `;
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = list.length;
    title.append(count);
    // A reply being typed survives the refresh.
    const typing = document.activeElement?.closest?.('.handover')?.dataset.customer;
    const drafts = new Map([...root.querySelectorAll('.handover')].map(c => [c.dataset.customer, c.querySelector('textarea').value]));
    root.replaceChildren(title, ...cards);
    for (const card of root.querySelectorAll('.handover')) {
      card.querySelector('textarea').value = drafts.get(card.dataset.customer) || '';
      if (card.dataset.customer === typing) card.querySelector('textarea').focus();
    }
  },

  card(handover) {
    const card = document.getElementById('handover').content.firstElementChild.cloneNode(true);
    card.dataset.customer = handover.customer_id;
    card.querySelector('.who').textContent = `${handover.display_name || 'Customer'} · ${maskPhone(handover.customer_id)} · ${handover.channel}`;
    card.querySelector('.why').textContent = `${handover.reason || 'asked for a person'}, ${new Date(handover.since).toLocaleTimeString()}`;
    const log = card.querySelector('.messages');
    for (const message of handover.recent) {
      const li = document.createElement('li');
      li.className = `from-${message.from}`;
      li.textContent = `${message.from}: ${message.text}`;
      log.append(li);
    }
    card.querySelector('form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const text = card.querySelector('textarea').value.trim();
      if (!text) return;
      try {
        await api.call('POST', `/api/handovers/${encodeURIComponent(handover.customer_id)}/replies`, { text });
        card.querySelector('textarea').value = '';
      } catch (error) {
        alert(`Not sent: ${error.message}`);
      }
      await handovers.refresh();
    });
    card.querySelector('.hand-back').addEventListener('click', async () => {
      await api.call('POST', `/api/handovers/${encodeURIComponent(handover.customer_id)}/hand-back`).catch(error => alert(error.message));
      await handovers.refresh();
    });
    return card;
  },

  start() {
    clearInterval(handovers.timer);
    handovers.timer = setInterval(() => {
      // Only while the board is shown (signed in); the list is small, so polling is simpler than a second stream.
      if (!document.getElementById('board').hidden) handovers.refresh();
    }, 5000);
  },
};

handovers.start();
