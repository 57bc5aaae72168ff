// The JSON API: every request shows the loading bar; a 401 leads to the login page; errors carry the server's message.
import {$} from './page.js';

// every request shows the loading bar (#loading) while it runs
let loading = 0;

export function loadingBar(delta) {
  loading += delta;
  const bar = $('loading');
  if (bar) bar.hidden = loading === 0;
}

export async function api(path, options = {}) {
  loadingBar(1);
  try {
    return await request(path, options);
  } finally {
    loadingBar(-1);
  }
}

export async function request(path, options) {
  const headers = Object.assign({'Content-Type': 'application/json'}, options.headers || {});
  if (options.method && options.method !== 'GET') headers['X-CSRF-Token'] = sessionStorage.getItem('csrf') || '';
  const res = await fetch(path, Object.assign({}, options, {headers}));
  if (res.status === 401) {
    location.href = '/login.html?next=' + encodeURIComponent(location.pathname + location.search);
    throw new Error('未登录');
  }
  if (!res.ok) {
    const e = await res.json().catch(() => ({error: res.statusText}));
    throw new Error(e.error || res.statusText);
  }
  const type = res.headers.get('Content-Type') || '';
  return type.includes('json') ? res.json() : res.blob();
}

export function query(obj) {
  const q = new URLSearchParams();
  Object.entries(obj).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') q.set(k, v); });
  return q.toString();
}
