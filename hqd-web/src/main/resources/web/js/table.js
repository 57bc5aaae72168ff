// The one table of every page (sort, search, pages, CSV and Excel export), busy buttons and downloads.
import {api} from './api.js';

// The one table of every page: rows are arrays of plain values, shown through the column's function f; a click on a
// header sorts by the column (again: the other way), the search box keeps the rows with the text in any cell, long
// tables show PAGE rows a page (a query in double quotes matches whole cells); CSV and Excel export what the table holds after search and sort. A column's link(v, r)
// makes its cell a drill-down link (an href), cls(v, r, j) gives the cell a class (j: the row's index in rows).
export const PAGE = 100;

export const shown = (c, v, r) => c.f ? c.f(v, r) : (v === null || v === undefined ? '—' : String(v));

export const compare = (a, b) => {
  if (a === b) return 0;
  if (a === null || a === undefined || a === '') return 1;
  if (b === null || b === undefined || b === '') return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'zh-CN', {numeric: true});
};

export function table(p, title, columns, rows, open) {
  const view = {sort: -1, desc: false, q: '', page: 0};
  const indexed = rows.map((r, j) => [r, j]);
  const current = () => {
    const q = view.q.trim().toLowerCase();
    // a query in double quotes ("达标") keeps the rows with a cell that reads exactly so ("未达标" does not)
    const whole = /^"(.+)"$/.exec(q);
    const hit = (text) => whole ? text === whole[1] : text.includes(q);
    let out = q ? indexed.filter(([r]) => r.some((v, i) => hit(shown(columns[i], v, r).toLowerCase())
      || hit(String(v === null || v === undefined ? '' : v).toLowerCase()))) : indexed.slice();
    if (view.sort >= 0) out.sort((x, y) => (view.desc ? -1 : 1) * compare(x[0][view.sort], y[0][view.sort]));
    return out;
  };
  const tools = document.createElement('div');
  tools.className = 'tools';
  const search = document.createElement('input');
  search.type = 'search';
  search.className = 'table-search';
  search.placeholder = '在表中查找';
  const csv = document.createElement('button');
  csv.textContent = '导出 CSV';
  csv.onclick = () => download(title + '.csv', new Blob([csvText(columns, current().map(x => x[0]))], {type: 'text/csv'}));
  const xlsx = document.createElement('button');
  xlsx.textContent = '导出 Excel';
  xlsx.onclick = () => busy(xlsx, '正在生成…', async () => download(title + '.xlsx', await api('/api/export', {method: 'POST',
    body: JSON.stringify({title, header: columns.map(c => c.name), rows: current().map(x => x[0])})})));
  tools.append(search, csv, xlsx);
  const details = document.createElement('details');
  details.className = 'data-table';
  if (open) details.open = true;
  const summary = document.createElement('summary');
  details.appendChild(summary);
  if (!rows.length) {
    const m = document.createElement('p');
    m.className = 'muted empty';
    m.textContent = '所选条件下没有数据：请放宽筛选条件（日期、医院、科室）后再查询';
    details.appendChild(m);
  }
  const t = document.createElement('table');
  const head = t.createTHead().insertRow();
  // a header sits over its cells: left over text columns (as the cells below), right over numbers
  const textColumn = (i) => i > 0 && !columns[i].f && rows.length && typeof rows[0][i] !== 'number';
  columns.forEach((c, i) => {
    const th = document.createElement('th');
    th.textContent = c.name;
    th.className = 'sortable';
    th.title = '点击排序';
    if (textColumn(i)) th.style.textAlign = 'left';
    th.onclick = () => { view.desc = view.sort === i ? !view.desc : false; view.sort = i; view.page = 0; draw(); };
    head.appendChild(th);
  });
  const body = t.createTBody();
  const pager = document.createElement('div');
  pager.className = 'pager';
  const draw = () => {
    const all = current();
    const pages = Math.max(1, Math.ceil(all.length / PAGE));
    view.page = Math.min(view.page, pages - 1);
    summary.textContent = '表格（' + (view.q ? all.length + ' / ' : '') + rows.length + ' 行）';
    [...head.cells].forEach((th, i) => th.dataset.sort = view.sort === i ? (view.desc ? 'desc' : 'asc') : '');
    body.textContent = '';
    all.slice(view.page * PAGE, (view.page + 1) * PAGE).forEach(([r, j]) => {
      const tr = body.insertRow();
      r.forEach((v, i) => {
        const td = tr.insertCell();
        const c = columns[i];
        const href = c.link ? c.link(v, r) : null;
        if (href) {
          const a = document.createElement('a');
          a.href = href;
          a.className = 'drill';
          a.textContent = shown(c, v, r);
          td.appendChild(a);
        } else {
          td.textContent = shown(c, v, r);
        }
        if (i > 0 && typeof v !== 'number' && !c.f) td.style.textAlign = 'left';
        if (c.cls) td.className = c.cls(v, r, j);
      });
    });
    pager.textContent = '';
    if (pages > 1) {
      const step = (label, to, cls) => {
        const b = document.createElement('button');
        b.textContent = label;
        b.className = 'secondary ' + cls;
        b.disabled = to < 0 || to >= pages;
        b.onclick = () => { view.page = to; draw(); };
        pager.appendChild(b);
      };
      step('上一页', view.page - 1, 'prev');
      const n = document.createElement('span');
      n.textContent = '第 ' + (view.page + 1) + ' / ' + pages + ' 页，每页 ' + PAGE + ' 行';
      pager.appendChild(n);
      step('下一页', view.page + 1, 'next');
    }
  };
  search.oninput = () => { view.q = search.value; view.page = 0; details.open = true; draw(); };
  draw();
  const wrap = document.createElement('div');
  wrap.className = 'table-wrap';
  wrap.appendChild(t);
  details.append(wrap, pager);
  p.append(tools, details);
  return {search: (q) => { search.value = q; search.oninput(); }};
}

// while fn runs: the button disabled and saying what happens (a briefing or an export being produced)
export async function busy(button, label, fn) {
  const text = button.textContent;
  button.disabled = true;
  button.textContent = label;
  try {
    await fn();
  } catch (e) {
    let m = button.nextElementSibling;
    if (!m || !m.classList.contains('msg')) {
      m = document.createElement('span');
      button.after(m);
    }
    m.textContent = e.message;
    m.className = 'msg error';
  } finally {
    button.disabled = false;
    button.textContent = text;
  }
}

// A table as CSV for a spreadsheet (UTF-8 with BOM). A text cell that a spreadsheet would take for a formula (first
// character = + - @, tab or carriage return) gets a leading ' so that it stays text; numbers, and text that is just a
// number ("-3.5", "12%"), are written as they are.
export function csvCell(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^[-+]?\d[\d,]*(\.\d+)?%?$/.test(s)) s = "'" + s;
  return '"' + s.replace(/"/g, '""') + '"';
}

export function csvText(columns, rows) {
  return '\ufeff' + [columns.map(c => c.name)].concat(rows).map(r => r.map(csvCell).join(',')).join('\r\n');
}

export function download(name, blob) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  // synthetic.js names files of generated data (合成数据)
  a.download = typeof window.hqdFileName === 'function' ? window.hqdFileName(name) : name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
