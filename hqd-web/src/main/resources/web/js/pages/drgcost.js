import {fmt} from '../format.js';
import {api, query} from '../api.js';
import {state, panel, link, drgNames, hospitalName, go} from '../page.js';
import {chart, drill} from '../chart.js';
import {table} from '../table.js';

// a hospital's (or one department's) DRGs as the insurer pays them: balance on charges and on cost, and which charge
// categories exceed the DRG standards; reached from a department's loss on 科室与医生. Without a hospital, a user who
// sees every hospital gets the province's DRGs (every hospital's cases of a DRG together).
export async function drgcost(f) {
  // a hospital's or a department's user has no choice to make: its own hospital (and department)
  f = Object.assign({}, f, {hospital: f.hospital || state.me.hospital || '', department: f.department || state.me.department || ''});
  const province = !f.hospital && !state.me.region && (state.me.role === 'ADMIN' || state.me.role === 'REGULATOR');
  if (!f.hospital && !province) {
    const p = panel('病组盈亏', true);
    const m = document.createElement('p');
    m.className = 'muted';
    m.textContent = '请先在上方选择医院（或在“科室与医生”中点击一个科室的亏损）';
    p.appendChild(m);
    return;
  }
  const names = await drgNames();
  const rows = await api('/api/costs?' + query({by: 'drg', hospital: f.hospital, department: f.department, from: f.from, to: f.to}));
  const who = province ? '全地区' : hospitalName(f.hospital) + (f.department ? ' ' + f.department : '');
  const worst = rows.slice().sort((a, b) => a.balance - b.balance).slice(0, 20);
  const p = panel(who + ' 病组盈亏（医保结算口径，只计基金支付病例；亏损最多的 ' + worst.length + ' 个，点击病组查看病例）', true);
  p.id = 'drg-cost';
  const back = document.createElement(province ? 'p' : 'a');
  if (province) {
    back.className = 'muted';
    back.textContent = '全地区各医院的病例按病组合计；在上方选择医院可查看一家医院的病组盈亏。';
  } else {
    back.textContent = '← 返回科室与医生';
    back.href = link({page: 'units', by: 'department'});
  }
  p.appendChild(back);
  const onCost = (c) => c.costedCases > 0 ? c.balanceOnCost : null;
  const c = chart(p, {legend: {top: 0}, xAxis: {type: 'category', data: worst.map(x => x.unit), axisLabel: {rotate: 45, fontSize: 10}},
    yAxis: {type: 'value', name: '结余（元）'}, grid: {left: 80, right: 20, top: 40, bottom: 80},
    series: [{name: '结余（按费用）', type: 'bar', data: worst.map(x => Math.round(x.balance)), itemStyle: {color: '#ad1457'}},
      {name: '结余（按成本）', type: 'bar', data: worst.map(x => onCost(x) === null ? null : Math.round(onCost(x))), itemStyle: {color: '#00838f'}}]}, 360);
  drill(c, (i) => go({page: 'drg', drg: worst[i].unit}));
  const over = (x) => [['药品费', x.excessDrug], ['耗材费', x.excessMaterial], ['检查化验费', x.excessExam]]
    .filter(e => e[1] > 0.005).map(e => e[0]).join('、') || '无';
  const bad = (v) => v > 0.005 ? 'bad' : '';
  table(p, who + ' 病组盈亏', [{name: 'DRG', link: v => link({page: 'drg', drg: v})}, {name: '名称'}, {name: '病例'}, {name: '支付（元）', f: v => fmt(v, 0)},
    {name: '费用（元）', f: v => fmt(v, 0)}, {name: '结余（按费用，元）', f: v => fmt(v, 0), cls: v => v < 0 ? 'bad' : ''},
    {name: '已核算成本病例'}, {name: '结余（按成本，元）', f: v => fmt(v, 0)},
    {name: '药品费超标准（元）', f: v => fmt(v, 0), cls: bad}, {name: '耗材费超标准（元）', f: v => fmt(v, 0), cls: bad},
    {name: '检查化验费超标准（元）', f: v => fmt(v, 0), cls: bad}, {name: '超标类别'}],
    rows.map(x => [x.unit, names[x.unit] || '', x.cases, x.payment, x.cost, x.balance, x.costedCases, onCost(x),
      x.excessDrug, x.excessMaterial, x.excessExam, over(x)]), true);
  const m = document.createElement('p');
  m.className = 'muted';
  m.textContent = '超标准 = 各病例该类费用减去病组标准的例均值之和（负数为低于标准）；结余（按成本）只计已由成本核算得到病例成本的病例。';
  p.appendChild(m);
}
