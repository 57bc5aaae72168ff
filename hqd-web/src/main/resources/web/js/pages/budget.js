// Page budget (?page=budget).
import {fmt, pct, versus} from '../format.js';
import {api, query} from '../api.js';
import {state, $, panel, kpiCards, go, render, addOptions, MONTHS, valuesForm} from '../page.js';
import {chart} from '../chart.js';
import {shown, table, download, busy} from '../table.js';

export async function budget(f) {
  const me = state.me;
  const department = me.role === 'DEPARTMENT';
  const mayImport = me.role === 'ADMIN' || me.role === 'HOSPITAL';
  const list = await api('/api/budget/list');
  const hospital = me.hospital || f.hospital || (list[0] ? list[0].hospitalId : '');
  const years = list.filter(x => x.hospitalId === hospital).map(x => x.year);
  // a year without a budget of this hospital (e.g. kept in the URL from another hospital): its latest year
  const year = years.includes(+f.year) ? +f.year : years[0];
  const b = year ? await api('/api/budget?' + query({hospital, year, month: year === +f.year ? f.month : ''})) : null;
  const can = b ? b.can : [];
  const wan = (v) => v === null || v === undefined ? null : +(v / 10000).toFixed(2);

  if (!b) {
    const p = panel('全面预算管理', true);
    const m = document.createElement('p');
    m.id = 'budget-empty';
    m.textContent = (hospital ? (me.hospital ? '本院' : hospital + ' ') + '还没有预算。' : '还没有可以查看的预算。')
      + (mayImport ? '可在下方“导入预算编制表或实际数”中导入，或由财务部门按模板编制。' : '');
    p.appendChild(m);
  } else {
    const tp = b.timeProgress;
    const rev = b.totals.REVENUE || {};
    const exp = b.totals.EXPENDITURE || {};
    const p = panel(b.hospitalName + ' ' + b.year + ' 年预算执行（截至 ' + b.month + ' 月，时间进度 ' + pct(tp) + '）'
      + (b.department ? ' · ' + b.department : ''), true);
    p.id = 'budget-summary';
    const bar = document.createElement('div');
    bar.className = 'tools budget-filters';
    bar.innerHTML = '<label>年度 <select id="b-year"></select></label> <label>截至 <select id="b-month"></select></label>';
    p.appendChild(bar);
    addOptions($('b-year'), years, y => y, y => y + ' 年');
    addOptions($('b-month'), MONTHS, m => m, m => m + ' 月' + (b.monthsWithActuals.includes(m) ? '' : '（无实际数）'));
    $('b-year').value = b.year;
    $('b-month').value = b.month;
    $('b-year').onchange = () => go({year: $('b-year').value, month: ''});
    $('b-month').onchange = () => go({year: $('b-year').value, month: $('b-month').value});
    [['pdf', false, '预算报告 PDF'], ['xlsx', false, '预算报告 Excel'], ['pdf', true, '财务信息公开 PDF'], ['xlsx', true, '财务信息公开 Excel']]
      .filter(([, pub]) => pub || !department).forEach(([format, pub, label]) => {
        const x = document.createElement('button');
        x.textContent = label;
        x.className = 'download';
        // the button says 正在生成… until the file arrives; a refusal is written beside it
        x.onclick = () => busy(x, '正在生成…', async () => download((pub ? '财务信息公开-' : '预算报告-') + b.hospitalId + '-' + b.year + '-' + b.month + '月.' + format,
          await api('/api/budget/report?' + query({hospital: b.hospitalId, year: b.year, month: b.month, format, public: pub ? 'true' : ''}))));
        bar.appendChild(x);
      });
    const [kpis, card] = kpiCards();
    const latest = b.versions[b.versions.length - 1];
    card('当前版本：' + latest.label, latest.stateLabel, latest.state === 'APPROVED' || latest.state === 'CLOSED' ? 'MET'
      : latest.state === 'RETURNED' ? 'NOT_MET' : 'WARNING');
    const rr = rev.executionRate;
    // execution against the time progress: a difference of two rates, in 百分点
    const against = (r) => r === null || r === undefined ? '' : '；' + versus(r, tp, '时间进度');
    card('收入执行率（年度预算 ' + fmt(wan(rev.annualBudget), 2) + ' 万元' + against(rr) + '）', pct(rr),
      rr === null || rr === undefined ? '' : rr < tp - 0.1 ? 'WARNING' : 'MET');
    const er = exp.executionRate;
    card('支出执行率（年度预算 ' + fmt(wan(exp.annualBudget), 2) + ' 万元' + against(er) + '）', pct(er),
      er === null || er === undefined ? '' : er > 1 ? 'NOT_MET' : er > tp + 0.1 || er < tp - 0.25 ? 'WARNING' : 'MET');
    // the month alone (本月): its actual against its budget, revenue and spending apart
    card(b.month + ' 月收入（本月预算 ' + fmt(wan(rev.budgetOfMonth), 2) + ' 万元）', fmt(wan(rev.actualOfMonth), 2) + ' 万元（' + pct(rev.monthRate) + '）');
    card(b.month + ' 月支出（本月预算 ' + fmt(wan(exp.budgetOfMonth), 2) + ' 万元）', fmt(wan(exp.actualOfMonth), 2) + ' 万元（' + pct(exp.monthRate) + '）',
      exp.monthRate === null || exp.monthRate === undefined ? '' : exp.monthRate > 1 ? 'NOT_MET' : 'MET');
    card('预警项数', String(b.alertCount), b.alertCount ? 'NOT_MET' : 'MET');
    const perf = b.performance;
    card(perf.score === null ? '绩效得分（未设目标）' : '绩效得分（' + perf.grade + '）', perf.score === null ? '—' : fmt(perf.score, 1),
      perf.score === null ? '' : perf.score >= 80 ? 'MET' : perf.score >= 60 ? 'WARNING' : 'NOT_MET');
    p.appendChild(kpis);
    if (!b.monthsWithActuals.length) {
      const n = document.createElement('p');
      n.className = 'muted';
      n.textContent = '还没有导入实际数：执行情况按全年对照，“滞后”类预警仅供参考。';
      p.appendChild(n);
    }
    if (b.basis.state !== 'APPROVED' && b.basis.state !== 'CLOSED') {
      const n = document.createElement('p');
      n.className = 'muted';
      n.textContent = '预算尚未批准：执行情况暂按' + b.basis.label + '（' + b.basis.stateLabel + '）对照实际数。';
      p.appendChild(n);
    } else if (b.pending) {
      const n = document.createElement('p');
      n.className = 'muted';
      n.textContent = '执行依据：' + b.basis.label + '（' + b.basis.stateLabel + '）；' + b.pending.label + '为“' + b.pending.stateLabel + '”，批准后生效。';
      p.appendChild(n);
    }
  }

  if (!me.hospital && list.length) {
    const p = panel('预算一览（' + list.length + ' 个）', true);
    const t = document.createElement('table');
    t.className = 'budget-list';
    const head = t.createTHead().insertRow();
    ['医院', '名称', '年度', '最新版本', '状态', '执行中版本', '实际数（月份）'].forEach(h => { const th = document.createElement('th'); th.textContent = h; head.appendChild(th); });
    const body = t.createTBody();
    list.forEach(x => {
      const tr = body.insertRow();
      if (b && x.hospitalId === b.hospitalId && x.year === b.year) tr.className = 'current';
      [x.hospitalId, x.hospitalName, x.year + ' 年', x.latest.label, x.latest.stateLabel, x.inForce ? x.inForce.label : '无（尚未批准）',
        x.monthsWithActuals.length ? x.monthsWithActuals.length + ' 个月' : '—'].forEach((v, i) => {
        const td = tr.insertCell();
        td.textContent = v;
        td.style.textAlign = 'left';
        if (i === 4) td.className = 'state-' + x.latest.state;
      });
      tr.onclick = () => go({hospital: x.hospitalId, year: String(x.year), month: ''});
    });
    p.appendChild(t);
  }

  if (b) {
    const w = panel('审批与版本', true);
    w.id = 'budget-workflow';
    table(w, '预算版本', [{name: '版本'}, {name: '名称'}, {name: '状态', cls: (v, r, j) => 'state-' + b.versions[j].state}, {name: '收入预算（万元）', f: v => fmt(v, 2)},
      {name: '支出预算（万元）', f: v => fmt(v, 2)}, {name: '执行依据'}, {name: '调整原因'}],
      b.versions.map(v => [v.version, v.label, v.stateLabel, wan(v.revenue), wan(v.expenditure), v.basis ? '✓ 执行中' : '', v.reason || '—']), true);
    if (state.budgetMessage) {
      const n = document.createElement('p');
      n.className = 'ok';
      n.id = 'budget-message';
      n.textContent = state.budgetMessage;
      w.appendChild(n);
      state.budgetMessage = '';
    }
    const post = async (action, body, msg) => {
      try {
        const r = await api('/api/budget/' + encodeURIComponent(b.hospitalId) + '/' + b.year + '/' + action, {method: 'POST', body: JSON.stringify(body)});
        state.budgetMessage = b.hospitalId + ' ' + b.year + ' 年' + r.version.label + '：' + r.version.stateLabel;
        render();
      } catch (err) {
        msg.textContent = err.message;
        msg.className = 'msg error';
      }
    };
    const steps = [['submit', '提交'], ['approve', '批准'], ['return', '退回'], ['close', '决算']].filter(([a]) => can.includes(a));
    if (steps.length) {
      const form = document.createElement('div');
      form.className = 'tools budget-actions';
      form.innerHTML = '<label>' + (can.includes('return') ? '审批意见（退回时必填）' : '说明') + ' <input id="b-comment" size="36"></label> ';
      const msg = document.createElement('span');
      msg.className = 'msg';
      steps.forEach(([a, label]) => {
        const x = document.createElement('button');
        x.id = 'b-' + a;
        x.textContent = label;
        if (a === 'return') x.className = 'danger';
        x.onclick = () => {
          const comment = $('b-comment').value.trim();
          if (a === 'return' && !comment) {
            msg.textContent = '退回须填写意见';
            msg.className = 'msg warn';
            $('b-comment').focus();
            return;
          }
          post(a, {comment}, msg);
        };
        form.appendChild(x);
      });
      form.appendChild(msg);
      w.appendChild(form);
    } else if (!department) {
      const n = document.createElement('p');
      n.className = 'muted';
      n.textContent = {DRAFT: '预算编制中。', SUBMITTED: '预算已提交，等待卫生健康委批准或退回。', RETURNED: '预算已退回，医院修改后重新提交。',
        APPROVED: '预算已批准执行。', CLOSED: '年度预算已决算。'}[b.versions[b.versions.length - 1].state] || '';
      w.appendChild(n);
    }
    if (can.includes('adjust')) {
      const form = valuesForm('budget-adjust', '<strong>预算调整</strong> <label>科室 <input name="department" list="b-departments" size="12" required></label> '
        + '<label>项目 <select name="item"></select></label> <label>月份 <select name="month"></select></label> '
        + '<label>金额（元，0 为删除） <input name="amount" size="12" required></label> <label>调整原因 <input name="reason" size="24" required></label> '
        + '<button type="submit">建立调整</button> <span class="msg"></span><datalist id="b-departments"></datalist>',
        v => post('adjust', {reason: v.reason, lines: [{department: v.department, item: v.item, month: v.month, amount: v.amount}]}, form.querySelector('.msg')));
      addOptions(form.querySelector('datalist'), [...new Set(b.lines.map(l => l.department))], d => d);
      addOptions(form.querySelector('select[name=item]'), b.items, i => i.code, i => i.code + ' ' + i.name);
      addOptions(form.querySelector('select[name=month]'), MONTHS, m => m, m => m + ' 月');
      w.appendChild(form);
    }

    const group = f.group === 'category' ? 'category' : 'item';
    const sums = {};
    b.lines.forEach(l => {
      const k = group === 'category' ? l.kindLabel + '·' + l.category : l.itemName;
      const s = sums[k] || (sums[k] = {annual: 0, toDate: 0, actual: 0, alerts: 0, order: Object.keys(sums).length});
      s.annual += l.annualBudget; s.toDate += l.budgetToDate; s.actual += l.actualToDate; s.alerts += l.alerts.length;
    });
    const keys = Object.keys(sums);
    const c = panel('年度预算与累计实际（' + (group === 'category' ? '按类别' : '按项目') + '，万元）', true);
    c.id = 'budget-chart';
    const tools = document.createElement('div');
    tools.className = 'tools';
    tools.innerHTML = '<label>分组 <select id="b-group"><option value="item">按项目</option><option value="category">按类别</option></select></label>';
    c.appendChild(tools);
    $('b-group').value = group;
    $('b-group').onchange = () => go({group: $('b-group').value === 'category' ? 'category' : ''});
    chart(c, {tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}}, legend: {top: 0},
      grid: {left: 170, right: 50, top: 30, bottom: 30}, xAxis: {type: 'value', name: '金额（万元）'},
      yAxis: {type: 'category', inverse: true, data: keys},
      series: [{name: '年度预算', type: 'bar', itemStyle: {color: '#90caf9'}, data: keys.map(k => wan(sums[k].annual))},
        {name: '序时预算', type: 'bar', itemStyle: {color: '#b0bec5'}, data: keys.map(k => wan(sums[k].toDate))},
        {name: '累计实际', type: 'bar', itemStyle: {color: '#1565c0'},
          data: keys.map(k => ({value: wan(sums[k].actual), itemStyle: sums[k].alerts ? {color: '#c62828'} : undefined}))}]},
      Math.max(260, 44 * keys.length + 60));
    const legend = document.createElement('p');
    legend.className = 'muted';
    legend.textContent = '红色的累计实际表示该' + (group === 'category' ? '类别' : '项目') + '有预警。';
    c.appendChild(legend);
    table(c, '年度预算与累计实际', [{name: group === 'category' ? '类别' : '项目'}, {name: '年度预算（万元）', f: v => fmt(v, 2)},
      {name: '序时预算（万元）', f: v => fmt(v, 2)}, {name: '累计实际（万元）', f: v => fmt(v, 2)}, {name: '执行率', f: pct}],
      keys.map(k => [k, sums[k].annual / 1e4, sums[k].toDate / 1e4, sums[k].actual / 1e4, sums[k].annual ? sums[k].actual / sums[k].annual : null]));

    const e = panel('预算执行明细（' + b.lines.length + ' 行，预警 ' + b.alertCount + ' 行）', true);
    e.id = 'budget-execution';
    const eb = document.createElement('div');
    eb.className = 'tools';
    eb.innerHTML = '<label><input type="checkbox" id="b-alerts"> 只看预警</label> <span class="legend"><span class="alert-OVER_BUDGET">超预算</span>'
      + '<span class="alert-AHEAD_OF_TIME">进度快于时间进度</span><span class="alert-BEHIND_TIME">执行滞后</span><span class="alert-UNBUDGETED">无预算执行</span></span>';
    e.appendChild(eb);
    $('b-alerts').checked = f.alerts === '1';
    $('b-alerts').onchange = () => go({alerts: $('b-alerts').checked ? '1' : ''});
    const shown = b.lines.filter(l => f.alerts !== '1' || l.alerts.length);
    const alertClass = (v, r, j) => shown[j].alertTests.length ? 'alert-' + shown[j].alertTests[0] : '';
    table(e, '预算执行明细', [{name: '科室'}, {name: '项目编码'}, {name: '项目'}, {name: '收支'}, {name: '年度预算（万元）', f: v => fmt(v, 2)},
      {name: '本月预算（万元）', f: v => fmt(v, 2)}, {name: '本月实际（万元）', f: v => fmt(v, 2)},
      {name: '序时预算（万元）', f: v => fmt(v, 2)}, {name: '累计实际（万元）', f: v => fmt(v, 2), cls: alertClass},
      {name: '执行率', f: pct, cls: alertClass}, {name: '时间进度', f: pct}, {name: '预警', cls: alertClass}],
      shown.map(l => [l.department, l.itemCode, l.itemName, l.kindLabel, l.annualBudget / 1e4, l.budgetOfMonth / 1e4, l.actualOfMonth / 1e4,
        l.budgetToDate / 1e4, l.actualToDate / 1e4, l.executionRate,
        l.timeProgress, l.alertLabels.join('、')]), true);

    const better = (r, v) => v === null ? '' : (r[1] === '支出' ? v > 0 : v < 0) ? 'bad' : '';
    [['varianceByDepartment', '科室'], ['varianceByItem', '项目']].forEach(([key, label]) => {
      const q = panel('差异分析（按' + label + '；差异 = 累计实际 − 序时预算）');
      table(q, '差异分析-' + label, [{name: label}, {name: '收支'}, {name: '序时预算（万元）', f: v => fmt(v, 2)}, {name: '累计实际（万元）', f: v => fmt(v, 2)},
        {name: '差异（万元）', f: v => fmt(v, 2), cls: (v, r) => better(r, v)}, {name: '差异率', f: pct, cls: (v, r) => better(r, v)}],
        b[key].map(x => [x.key, x.kindLabel, x.budgetToDate / 1e4, x.actualToDate / 1e4, x.variance / 1e4, x.rate]), true);
    });

    const pf = panel('预算绩效评价' + (b.performance.score === null ? '' : '：' + fmt(b.performance.score, 1) + ' 分（' + b.performance.grade + '）'));
    pf.id = 'budget-performance';
    if (!b.performance.targets.length) {
      const n = document.createElement('p');
      n.className = 'muted';
      n.textContent = '尚未设定预算绩效目标（财务部门载入后显示）。';
      pf.appendChild(n);
    } else {
      const value = (t, v) => v === null ? '—' : t.source === 'EXECUTION_RATE' ? pct(v) : fmt(v, 2) + (t.unit ? ' ' + t.unit : '');
      table(pf, '预算绩效评价', [{name: '维度'}, {name: '目标'}, {name: '科室'}, {name: '项目'}, {name: '目标值'}, {name: '完成值'},
        {name: '达标', cls: v => v === '达标' ? 'status-MET' : v === '未达标' ? 'status-NOT_MET' : 'status-NO_DATA'}, {name: '权重', f: v => fmt(v, 0)}, {name: '得分', f: v => fmt(v, 1)}],
        b.performance.targets.map(t => [t.dimensionLabel, t.name, t.department, t.item || '（全部）', t.comparator + ' ' + value(t, t.target), value(t, t.actual),
          t.met === null ? '无数据' : t.met ? '达标' : '未达标', t.weight, t.earned]), true);
    }
    // the structure is the hospital's: a department's own lines say little about it
    if (!department) {
      const st = b.structure;
      const sp = panel('收支结构（累计实际）');
      table(sp, '收支结构', [{name: '指标'}, {name: '数值'}], [['医疗服务收入占医疗收入比例', pct(st.serviceRevenueShare)],
        ['人员支出占业务支出比例', pct(st.staffSpendingShare)], ['万元收入能耗支出（元）', st.energyPer10kRevenue === null ? '—' : fmt(st.energyPer10kRevenue, 2)]], true);
    }

    const h = panel('编制、审批与调整记录', true);
    table(h, '预算记录', [{name: '时间'}, {name: '版本'}, {name: '操作'}, {name: '状态'}, {name: '用户'}, {name: '意见或说明'}],
      b.history.map(x => [new Date(x.at).toLocaleString('zh-CN', {hour12: false}), x.version, x.actionLabel, (x.fromLabel ? x.fromLabel + ' → ' : '') + x.toLabel,
        x.user, department ? '—' : (x.comment || '—')]), true);
  }

  if (mayImport) {
    const im = panel('导入预算编制表或实际数（CSV）', true);
    im.id = 'budget-import';
    const form = document.createElement('div');
    form.className = 'tools budget-import';
    form.innerHTML = '<label>类型 <select id="bi-kind"><option value="budget">预算编制表（编制草稿）</option><option value="actuals">实际数（按月替换）</option></select></label> '
      + '<label>文件（CSV，UTF-8） <input type="file" id="bi-file" accept=".csv,text/csv,text/plain"></label> '
      + '<button id="bi-import">导入</button> <button id="bi-template" class="secondary">下载模板</button> <span class="msg"></span>';
    im.appendChild(form);
    const note = document.createElement('p');
    note.className = 'muted';
    note.textContent = '列：hospital_id,year,department,item,month,amount。金额单位元（最多两位小数）；item 填项目编码或名称；department 填科室或成本中心（如 全院、财务科）。'
      + (me.role === 'HOSPITAL' ? '只能导入本院（' + me.hospital + '）的行。' : '') + '不合格的行被拒收并说明原因，其余照常导入。';
    im.appendChild(note);
    if (b && !can.includes('import')) {
      $('bi-kind').querySelector('option[value=budget]').disabled = true;
      $('bi-kind').value = 'actuals';
      note.textContent += '当前预算为“' + b.versions[b.versions.length - 1].stateLabel + '”，不能重新导入编制表（已批准的预算请用调整）。';
    }
    const msg = form.querySelector('.msg');
    $('bi-template').onclick = () => {
      const h = me.hospital || hospital || 'H0001';
      const y = b ? b.year : new Date().getFullYear();
      download('预算编制表模板.csv', new Blob(['\ufeffhospital_id,year,department,item,month,amount\r\n' + h + ',' + y + ',全院,R0201,1,500000\r\n'
        + h + ',' + y + ',财务科,E0404,1,20000.00\r\n'], {type: 'text/csv'}));
    };
    $('bi-import').onclick = async () => {
      const file = $('bi-file').files[0];
      if (!file) { msg.textContent = '请选择文件'; msg.className = 'msg warn'; return; }
      const kind = $('bi-kind').value;
      const text = (await file.text()).replace(/^\ufeff/, '');
      msg.textContent = '正在导入…';
      msg.className = 'msg';
      try {
        const r = await api('/api/budget/import', {method: 'POST', body: JSON.stringify({name: file.name, text, kind})});
        state.budgetImport = r;
        render();
      } catch (err) {
        msg.textContent = err.message;
        msg.className = 'msg error';
      }
    };
    const r = state.budgetImport;
    if (r) {
      state.budgetImport = null;
      const out = document.createElement('div');
      out.id = 'budget-import-result';
      const s = document.createElement('p');
      s.className = r.rejected ? 'warn' : 'ok';
      s.textContent = r.name + '（' + (r.kind === 'budget' ? '预算编制表' : '实际数') + '）：读取 ' + r.read + ' 行，接收 ' + r.accepted + ' 行，拒收 ' + r.rejected + ' 行'
        + (r.rejected ? '（' + Object.entries(r.rejectedByRule).map(([k, n]) => (r.ruleNames[k] || k) + ' ' + n + ' 行').join('，') + '）' : '');
      out.appendChild(s);
      const ul = document.createElement('ul');
      r.changes.forEach(x => { const li = document.createElement('li'); li.textContent = x; ul.appendChild(li); });
      out.appendChild(ul);
      im.appendChild(out);
      if (r.rejectedRows.length) {
        table(im, '拒收的行', [{name: '行号'}, {name: '医院'}, {name: '年度'}, {name: '科室'}, {name: '项目'}, {name: '月份'}, {name: '金额'}, {name: '规则'}, {name: '原因'}],
          r.rejectedRows.map(x => [x.line, x.hospital_id, x.year, x.department, x.item, x.month, x.amount, x.ruleIds.map(k => r.ruleNames[k] || k).join('、'), x.reasons.join('；')]), true);
        im.querySelector('table').classList.add('budget-rejects');
      }
      im.scrollIntoView();
    }
  }
}
