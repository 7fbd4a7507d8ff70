// The Stock panel: staff mark menu items and options sold out and back; the chat and new orders refuse them meanwhile.
const stock = {
  async refresh() {
    const list = await api.call('GET', '/api/stock').catch(() => null);
    if (list) stock.render(list);
  },

  render(list) {
    const root = document.getElementById('stock-list');
    const soldOut = list.filter(entry => entry.sold_out).length;
    document.getElementById('stock-count').textContent = soldOut;
    root.replaceChildren(...['item', 'option'].map(kind => {
      const group = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = kind === 'item' ? 'Items' : 'Options';
      group.append(legend, ...list.filter(entry => entry.kind === kind).map(stock.row));
      return group;
    }));
  },

  row(entry) {
    const label = document.createElement('label');
    label.className = entry.sold_out ? 'stock-row sold-out' : 'stock-row';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = entry.sold_out;
    box.dataset.kind = entry.kind;
    box.dataset.id = entry.id;
    box.addEventListener('change', async () => {
      box.disabled = true;
      try {
        await api.call(box.checked ? 'PUT' : 'DELETE', `/api/stock/${entry.kind}/${encodeURIComponent(entry.id)}/sold-out`);
      } catch (error) {
        alert(`Could not change ${entry.name}: ${error.message}`);
      }
      await stock.refresh();
    });
    label.append(box, ` ${entry.name} sold out`);
    return label;
  },
};
