// Page audit (?page=audit).
import {api} from '../api.js';
import {panel} from '../page.js';
import {table} from '../table.js';

export async function audit() {
  const rows = await api('/api/audit?limit=500');
  const p = panel('审计日志（最近 ' + rows.length + ' 条）', true);
  table(p, '审计日志', [{name: '时间'}, {name: '用户'}, {name: '操作'}, {name: '内容'}, {name: '来源'}],
    rows.map(r => [r.at.replace('T', ' ').slice(0, 19), r.user, r.action, r.detail, r.client]), true);
}
