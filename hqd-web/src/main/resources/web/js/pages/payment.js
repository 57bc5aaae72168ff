import {fmt} from '../format.js';
import {api, query} from '../api.js';
import {state, panel, link, kpiCards, hospitalName} from '../page.js';
import {chart} from '../chart.js';
import {table} from '../table.js';

// the insurer's settlement (pre-settlement by month, the cases that lose most, one case explained) and compliance
export async function payment(f) {
  const q = query({from: f.from, to: f.to, hospital: f.hospital});
  if (f.case) {
    const [h, r] = f.case.split('/');
    const x = await api('/api/payment/cases/' + encodeURIComponent(h) + '/' + encodeURIComponent(r));
    const e = panel('病例 ' + h + ' / ' + r + ' 的结算：' + x.settlement.caseTypeLabel, true);
    const ol = document.createElement('ol');
    x.trace.forEach(line => { const li = document.createElement('li'); li.textContent = line; ol.appendChild(li); });
    e.appendChild(ol);
    const back = document.createElement('a');
    back.textContent = '← 返回';
    back.href = '?' + query({page: 'payment', from: f.from, to: f.to, hospital: f.hospital});
    e.prepend(back);
    return;
  }
  const [sum, worst, comp] = await Promise.all([api('/api/payment?' + q), api('/api/payment/cases?' + q),
    api('/api/compliance?' + q)]);
  const t = {cases: 0, points: 0, payment: 0, cost: 0, notInsured: 0};
  sum.months.forEach(m => Object.keys(t).forEach(k => { t[k] += m[k]; }));
  const p = panel('医保结算（医保部门口径）：月度预结算', true);
  const basis = document.createElement('p');
  basis.className = 'muted';
  basis.textContent = sum.basis;
  p.appendChild(basis);
  const [kpis, card] = kpiCards();
  card('基金支付病例', fmt(t.cases, 0));
  card('点数', fmt(t.points, 0));
  card('预结算支付（万元）', fmt(t.payment / 10000, 1));
  card('费用（万元）', fmt(t.cost / 10000, 1));
  card('结余（万元）', fmt((t.payment - t.cost) / 10000, 1), t.payment >= t.cost ? 'MET' : 'NOT_MET');
  card('非基金支付病例（不计）', fmt(t.notInsured, 0));
  p.appendChild(kpis);
  const months = [...new Set(sum.months.map(m => m.month))].sort();
  const total = (k) => months.map(mo => sum.months.filter(m => m.month === mo).reduce((a, m) => a + m[k], 0));
  chart(p, {legend: {top: 0}, xAxis: {type: 'category', data: months}, yAxis: {type: 'value', name: '金额（万元）'},
    series: [{name: '预结算支付', type: 'bar', data: total('payment').map(v => +(v / 10000).toFixed(1)), itemStyle: {color: '#1565c0'}},
      {name: '费用', type: 'line', data: total('cost').map(v => +(v / 10000).toFixed(1)), itemStyle: {color: '#c62828'}}]}, 320);
  // a hospital's cell shows its name; the value stays its code (a case's link is made of it)
  const named = {name: '医院', f: v => v + ' ' + hospitalName(v)};
  table(p, '月度预结算', [{name: '月份'}, named, {name: '病例'}, {name: '点数', f: v => fmt(v, 2)}, {name: '支付（万元）', f: v => fmt(v, 2)},
    {name: '费用（万元）', f: v => fmt(v, 2)}, {name: '结余（万元）', f: v => fmt(v, 2)}, {name: '高倍率'}, {name: '低倍率'}, {name: '特殊'}, {name: '未入组'}, {name: '非基金支付病例'}],
    sum.months.map(m => [m.month, m.hospitalId, m.cases, m.points, m.payment / 1e4, m.cost / 1e4, m.balance / 1e4, m.high, m.low, m.special, m.ungrouped, m.notInsured]));
  // which hospitals lose most over the period chosen (a quarter: its months summed), the largest loss first
  const byHospital = Object.values(sum.months.reduce((a, m) => {
    const h = a[m.hospitalId] || (a[m.hospitalId] = {id: m.hospitalId, cases: 0, payment: 0, cost: 0, balance: 0});
    ['cases', 'payment', 'cost', 'balance'].forEach(k => { h[k] += m[k]; });
    return a;
  }, {})).sort((x, y) => x.balance - y.balance);
  if (byHospital.length > 1) {
    const totals = panel('各医院预结算合计（' + months[0] + ' 至 ' + months[months.length - 1] + ' 各月之和；亏损最多在前）', true);
    totals.id = 'payment-hospitals';
    // which DRGs the losses come from, across the region (病组盈亏 without a hospital: users who see every hospital)
    if (!state.me.region && (state.me.role === 'ADMIN' || state.me.role === 'REGULATOR')) {
      const toDrgs = document.createElement('a');
      toDrgs.id = 'payment-drgs';
      toDrgs.textContent = '按病组查看全地区盈亏 →';
      toDrgs.href = link({page: 'drgcost', hospital: '', from: f.from || '', to: f.to || ''});
      totals.appendChild(toDrgs);
    }
    table(totals, '各医院预结算合计', [named, {name: '病例', f: v => fmt(v, 0)},
      {name: '支付（万元）', f: v => fmt(v, 2)}, {name: '费用（万元）', f: v => fmt(v, 2)},
      {name: '结余（万元）', f: v => fmt(v, 2), cls: v => v < 0 ? 'bad' : ''}, {name: '例均结余（元）', f: v => fmt(v, 0)}],
    byHospital.map(h => [h.id, h.cases, h.payment / 1e4, h.cost / 1e4, h.balance / 1e4,
      h.cases ? h.balance / h.cases : null]), true);
  }
  const w = panel('亏损最多的基金支付病例（前 ' + worst.length + ' 例；点病案号看计算过程）', true);
  table(w, '亏损病例', [named, {name: '病案号', link: (v, r) => link({page: 'payment', case: r[0] + '/' + v})}, {name: '付款方式'}, {name: '病组'}, {name: '权重', f: v => fmt(v, 4)}, {name: '类型'},
    {name: '点数', f: v => fmt(v, 2)}, {name: '支付（元/例）', f: v => fmt(v, 2)}, {name: '费用（元/例）', f: v => fmt(v, 2)}, {name: '结余（元/例）', f: v => fmt(v, 2)}],
    worst.map(c => [c.hospitalId, c.recordId, c.payerName, c.drg, c.weight, c.caseTypeLabel, c.points, c.payment, c.cost, c.balance]), true);
  const c = panel('医保智能审核：' + comp.total + ' 条标记（线索，须人工核实；规则、证据与阈值见表）', true);
  const byRule = comp.rules.map(r => [r.label, comp.flags.filter(x => x.ruleId === r.id).length]);
  // the rules' names take at most half of a phone's width (at 390 px a 280 px margin left the bars 50 px)
  const label = Math.min(260, Math.round(window.innerWidth / 2) - 40);
  chart(c, {xAxis: {type: 'value', name: '条'}, yAxis: {type: 'category', data: byRule.map(r => r[0]), axisLabel: {fontSize: 10, width: label, overflow: 'truncate'}},
    grid: {left: label + 20, right: 30, top: 20, bottom: 30}, tooltip: {trigger: 'item'},
    series: [{type: 'bar', data: byRule.map(r => r[1]), itemStyle: {color: '#ef6c00'}}]}, 40 + 36 * byRule.length);
  table(c, '审核标记', [named, {name: '病案号'}, {name: '规则'}, {name: '对象'}, {name: '证据'}, {name: '阈值'}],
    comp.flags.map(x => [x.hospitalId, x.recordId, x.rule, x.subject, x.evidence, x.threshold]), true);
  table(c, '审核规则', [{name: '规则'}, {name: '类型'}, {name: '依据'}], comp.rules.map(r => [r.label, r.kind, r.source]));
}
