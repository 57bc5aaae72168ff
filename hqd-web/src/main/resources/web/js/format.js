// How values read on the pages: numbers with separators, rates as %, a difference of two rates in 百分点 (a value
// against its target, an execution rate against the time progress; a ratio of two amounts stays %), text escaped
// for a tooltip. The reports and the console write them the same way (hqd-report's Formats: percent, points, against).

export const fmt = (v, d = 2) => v === null || v === undefined ? '—' : Number(v).toLocaleString('zh-CN', {minimumFractionDigits: d, maximumFractionDigits: d});

export const pct = (v) => v === null || v === undefined ? '—' : (100 * v).toFixed(1) + '%';

// An indicator's value in its unit: rates (ratio) as %, a whole level (级, e.g. 电子病历系统应用水平 6) without decimals.
export const inUnit = (v, unit) => v === null || v === undefined ? '—' : unit === 'ratio' ? pct(v)
  : fmt(v, unit === '级' && Number.isInteger(v) ? 0 : 2);

// a difference of two rates (fractions) with its sign: -0.123 → "-12.3 个百分点", 0.05 → "+5.0 个百分点"
export const pp = (d) => {
  if (d === null || d === undefined) return '—';
  const p = (100 * d).toFixed(1);
  return (p === '0.0' || p === '-0.0' ? '0.0' : p.startsWith('-') ? p : '+' + p) + ' 个百分点';
};

// a rate against a reference rate in words: (0.65, 0.75, '时间进度') → "低于时间进度 10.0 个百分点"; '' without a rate
export const versus = (rate, reference, name) => {
  if (rate === null || rate === undefined) return '';
  const p = pp(rate - reference);
  return p.startsWith('0.0') ? '与' + name + '持平' : (p.startsWith('-') ? '低于' : '高于') + name + ' ' + p.slice(1);
};

// the difference of two values of an indicator (a value against its target) in its unit: a rate's in 百分点
export const gapInUnit = (d, unit) => unit === 'ratio' ? pp(d) : inUnit(d, unit);

// A value from the data as HTML text. Pages put data into the DOM with textContent; the one place that builds
// markup from data is a chart tooltip's formatter (ECharts shows its result as HTML), and it escapes with this.
export const esc = (v) => String(v === null || v === undefined ? '' : v)
  .replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
