// Page ledger (?page=ledger).
import {fmt, pct} from '../format.js';
import {api, query} from '../api.js';
import {state, $, panel, go, render, addOptions, valuesForm, hospitalName} from '../page.js';
import {chart} from '../chart.js';
import {table, download, busy} from '../table.js';

export async function ledger(f) {
  const STATUS = [['NOT_STARTED', '未启动', '#9aa5b1'], ['IN_PROGRESS', '推进中', '#1565c0'], ['AT_RISK', '有风险', '#f9a825'],
    ['OVERDUE', '已逾期', '#c62828'], ['DONE', '已完成', '#2e7d32']];
  const plans = await api('/api/ledger/plans?' + query({period: f.period}));
  // a task's due date: its own, or its plan's horizon (推定); a task whose document names no unit: to be named
  const UNNAMED = '未写明（待核定）';
  const due = (x) => x.due ? x.due + (x.dueDerived ? '（按方案期限推定）' : '') : '—';
  const p = panel('任务推进台账（截至 ' + plans.asOf + '）', true);
  if (!plans.plans.length) {
    const m = document.createElement('p');
    m.textContent = '台账中还没有方案。' + (state.me.role === 'DEPARTMENT' ? '' : '可在下方“导入方案”中导入。');
    p.appendChild(m);
  } else {
    chart(p, {tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}}, legend: {top: 0},
      grid: {left: 260, right: 30, top: 40, bottom: 30},
      xAxis: {type: 'value', name: '任务数'}, yAxis: {type: 'category', inverse: true,
        data: plans.plans.map(x => x.title.length > 18 ? x.title.slice(0, 18) + '…' : x.title)},
      series: STATUS.map(([k, n, c]) => ({name: n, type: 'bar', stack: 'all', itemStyle: {color: c},
        data: plans.plans.map(x => x.counts[k])}))}, Math.max(200, 60 + 36 * plans.plans.length));
    if (state.me.role !== 'DEPARTMENT') {
      const tools = document.createElement('div');
      tools.className = 'tools';
      [['pdf', '下载台账通报 PDF'], ['xlsx', '下载台账通报 Excel']].forEach(([fmtName, label]) => {
        const b = document.createElement('button');
        b.textContent = label;
        b.onclick = () => busy(b, '正在生成通报…', async () => download('台账通报-' + f.period + '.' + fmtName,
          await api('/api/ledger/brief?' + query({period: f.period, format: fmtName}))));
        tools.appendChild(b);
      });
      p.appendChild(tools);
    }
    table(p, '方案进度', [{name: '方案编号'}, {name: '方案'}, {name: '医院'}, {name: '任务'}].concat(STATUS.map(([k, n]) => ({name: n})))
      .concat([{name: '完成率', f: pct}, {name: '来源文件'}]),
      plans.plans.map(x => [x.planId, x.title, x.hospitalId ? hospitalName(x.hospitalId) : '区域', x.tasks].concat(STATUS.map(([k]) => x.counts[k])).concat([x.doneShare, x.document])), true);
  }

  const t = panel('任务清单', true);
  const bar = document.createElement('div');
  bar.className = 'tools ledger-filters';
  bar.innerHTML = '<label>方案 <select id="l-plan"><option value="">全部</option></select></label> '
    + '<label>单位 <input id="l-unit" size="14" placeholder="如 市卫生健康委"></label> '
    + '<label>状态 <select id="l-status"><option value="">全部</option></select></label> '
    + '<label><input type="checkbox" id="l-followup"> 只看逾期与风险（回头看）</label> <button id="l-apply">筛选</button>';
  t.appendChild(bar);
  addOptions($('l-plan'), plans.plans, x => x.planId, x => x.title);
  addOptions($('l-status'), STATUS, ([k]) => k, ([, n]) => n);
  $('l-plan').value = f.plan; $('l-unit').value = f.unit; $('l-status').value = f.lstatus; $('l-followup').checked = f.followup === '1';
  $('l-apply').onclick = () => go({plan: $('l-plan').value, unit: $('l-unit').value.trim(), lstatus: $('l-status').value, followup: $('l-followup').checked ? '1' : '', task: ''});
  const tasks = await api('/api/ledger/tasks?' + query({plan: f.plan, unit: f.unit, status: f.lstatus, followup: f.followup === '1' ? 'true' : '', period: f.period}));
  const list = tasks.tasks;
  const counter = document.createElement('p');
  counter.textContent = '共 ' + list.length + ' 项任务；点击一行查看详情' + (list.some(x => x.canUpdate) ? '并更新进展' : '');
  t.appendChild(counter);
  const tbl = document.createElement('table');
  tbl.className = 'ledger-tasks';
  const head = tbl.createTHead().insertRow();
  ['方案', '部分', '编号', '任务', '牵头单位', '配合单位', '完成期限', '目标', '状态', '最近进展'].forEach(h => { const th = document.createElement('th'); th.textContent = h; head.appendChild(th); });
  const body = tbl.createTBody();
  list.forEach(x => {
    const tr = body.insertRow();
    tr.dataset.task = x.taskId;
    [x.plan, x.section, x.taskNo, x.title, x.leadUnits.join('、') || UNNAMED, x.coUnits.join('、'), due(x),
      x.targets.map(g => g.text).join('；'), x.statusLabel + (x.reason ? '（' + x.reason + '）' : ''), x.lastNoteDate ? x.lastNoteDate + ' ' + x.lastNote : '—']
      .forEach((v, i) => { const td = tr.insertCell(); td.textContent = v; td.style.textAlign = 'left'; if (i === 8) td.className = 'status-' + x.status;
        if (i === 4 && x.unitsUnnamed) td.className = 'unnamed'; });
    tr.onclick = () => go({task: x.taskId});
  });
  t.appendChild(tbl);
  table(t, '任务清单', [{name: '任务编号'}, {name: '方案'}, {name: '部分'}, {name: '编号'}, {name: '任务'}, {name: '牵头单位'}, {name: '配合单位'},
    {name: '期限（原文）'}, {name: '完成期限'}, {name: '目标'}, {name: '状态'}, {name: '说明'}],
    list.map(x => [x.taskId, x.plan, x.section, x.taskNo, x.title, x.leadUnits.join('、'), x.coUnits.join('、'), x.deadlines.join('|'), due(x),
      x.targets.map(g => g.text).join('|'), x.statusLabel, x.reason]));

  if (f.task) {
    const d = await api('/api/ledger/tasks/' + encodeURIComponent(f.task) + '?' + query({period: f.period}));
    const q = panel('任务 ' + d.taskNo + ' ' + d.title, true);
    q.id = 'ledger-task';
    const dl = document.createElement('dl');
    const item = (k, v) => { const dt = document.createElement('dt'); dt.textContent = k; const dd = document.createElement('dd'); dd.textContent = v; dl.append(dt, dd); };
    item('方案', d.plan + (d.section ? ' · ' + d.section : ''));
    item('牵头单位', d.leadUnits.join('、') || UNNAMED);
    item('配合单位', d.coUnits.join('、') || '—');
    item('期限', (d.deadlines.join('、') || '—') + '；完成期限 ' + (d.due ? due(d) : '未定'));
    item('任务编号', d.taskId);
    item('状态', d.statusLabel + (d.reason ? '（' + d.reason + '）' : ''));
    item('原文（第 ' + d.sourceLine + ' 行）', d.text);
    q.appendChild(dl);
    if (d.targets.length) {
      table(q, '目标与实际', [{name: '目标'}, {name: '指标'}, {name: '目标值'}, {name: '实际'}, {name: '达标', cls: v => v === '达标' ? 'status-MET' : v === '未达标' ? 'status-NOT_MET' : ''}, {name: '口径'}],
        d.targets.map(g => [g.phrase + g.text, g.indicatorName || g.indicator || '（未关联指标）', g.target === null ? '—' : g.comparator + ' ' + fmt(g.target, 3),
          g.actual === null ? '—' : fmt(g.actual, 3), g.met === null ? (g.indicator ? '无数据' : '—') : (g.met ? '达标' : '未达标'), g.basis || '—']), true);
    }
    table(q, '进展记录', [{name: '日期'}, {name: '填报人'}, {name: '状态'}, {name: '进展'}, {name: '佐证'}],
      d.history.map(n => [n.date, n.author, n.status, n.note, n.evidence]), true);
    if (d.canUpdate) {
      const form = valuesForm('ledger-update', '<label>状态 <select name="status"><option value="">不变</option><option value="NOT_STARTED">未启动</option><option value="IN_PROGRESS">推进中</option>'
        + '<option value="AT_RISK">有风险</option><option value="DONE">已完成</option></select></label> '
        + '<label>进展 <input name="note" size="40"></label> <label>佐证链接 <input name="evidence" size="24"></label> '
        + '<label>调整期限 <input type="date" name="due"></label> <button type="submit">保存进展</button> <span class="msg"></span>',
        async (v) => {
          try {
            await api('/api/ledger/tasks/' + encodeURIComponent(d.taskId) + '/notes', {method: 'POST', body: JSON.stringify(v)});
            render();
          } catch (err) {
            form.querySelector('.msg').textContent = err.message;
            form.querySelector('.msg').className = 'msg error';
          }
        });
      q.appendChild(form);
    }
    q.scrollIntoView();
  }

  const units = await api('/api/ledger/units?' + query({period: f.period}));
  const u = panel('责任单位（' + units.length + ' 个）', true);
  table(u, '责任单位', [{name: '单位'}, {name: '牵头'}, {name: '配合'}].concat(STATUS.map(([k, n]) => ({name: n}))),
    units.map(x => [x.unit, x.lead, x.co].concat(STATUS.map(([k]) => x.counts[k]))));

  if (state.me.role !== 'DEPARTMENT') {
    const im = panel('导入方案（提取 → 审核 → 写入台账）', true);
    im.id = 'ledger-import';
    const form = document.createElement('div');
    form.className = 'tools';
    form.innerHTML = '<label>方案文件（UTF-8 纯文本） <input type="file" id="li-file" accept=".txt,text/plain"></label> '
      + (state.me.role === 'HOSPITAL' ? '<input type="hidden" id="li-hospital">' : '<label>医院（医院自己的方案时填写） <input id="li-hospital" size="8"></label> ')
      + '<button id="li-extract">提取</button> <span class="msg"></span>';
    im.appendChild(form);
    if (state.me.role === 'HOSPITAL') $('li-hospital').value = state.me.hospital;
    const out = document.createElement('div');
    im.appendChild(out);
    $('li-extract').onclick = async () => {
      const file = $('li-file').files[0];
      const msg = form.querySelector('.msg');
      if (!file) { msg.textContent = '请选择文件'; return; }
      const text = await file.text();
      try {
        const x = await api('/api/ledger/extract', {method: 'POST', body: JSON.stringify({name: file.name, text, hospital: $('li-hospital').value})});
        msg.textContent = '找到 ' + x.plans.length + ' 个方案，' + x.plans.reduce((a, q) => a + q.tasks.length, 0) + ' 项任务。请核对、修改后确认写入。';
        msg.className = 'msg';
        out.innerHTML = '';
        const lines = x.review.split('\n').filter(l => l && !l.startsWith('#'));
        const header = lines[0].split('\t');
        const editable = ['section', 'task_no', 'title', 'lead_units', 'co_units', 'deadlines', 'due_date', 'targets'];
        const rt = document.createElement('table');
        rt.className = 'ledger-review';
        const hr = rt.createTHead().insertRow();
        ['保留'].concat(header.filter(h => h !== 'keep')).forEach(h => { const th = document.createElement('th'); th.textContent = h; hr.appendChild(th); });
        const rb = rt.createTBody();
        lines.slice(1).forEach(l => {
          const cells = l.split('\t');
          const tr = rb.insertRow();
          const keep = tr.insertCell();
          keep.innerHTML = '<input type="checkbox" checked>';
          header.forEach((h, i) => {
            if (h === 'keep') return;
            const td = tr.insertCell();
            td.textContent = cells[i] || '';
            td.dataset.col = h;
            if (editable.includes(h)) td.contentEditable = 'true';
          });
        });
        out.appendChild(rt);
        const commit = document.createElement('button');
        commit.textContent = '确认写入台账';
        commit.id = 'li-commit';
        commit.onclick = async () => {
          const rows = [...rb.rows].map(tr => header.map(h => h === 'keep' ? (tr.cells[0].querySelector('input').checked ? '是' : '否')
            : tr.querySelector('td[data-col="' + h + '"]').textContent.replace(/[\t\n]/g, ' ').trim()).join('\t'));
          try {
            const c = await api('/api/ledger/plans', {method: 'POST', body: JSON.stringify({name: file.name, text, hospital: $('li-hospital').value,
              review: [header.join('\t')].concat(rows).join('\n')})});
            msg.textContent = '已写入台账：' + c.plans + ' 个方案，新增 ' + c.added + ' 项，更新 ' + c.updated + ' 项，未变 ' + c.unchanged + ' 项，移除 ' + c.removed + ' 项';
            setTimeout(render, 800);
          } catch (err) {
            msg.textContent = err.message;
            msg.className = 'msg error';
          }
        };
        out.appendChild(commit);
      } catch (err) {
        msg.textContent = err.message;
        msg.className = 'msg error';
      }
    };
  }
}
