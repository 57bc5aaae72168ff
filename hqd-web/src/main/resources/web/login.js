// The login form: posts the name and password, keeps the CSRF token for the pages and goes back to the page that
// sent the user here (?next=…), if that is a page of this site.
'use strict';

// Where to go after logging in: a page of this site, else the overview. Browsers read "//host", "/\host" and
// "/<tab>/host" as another host (they turn "\" into "/" and drop tabs and line breaks), so a next that starts with
// "//", holds a backslash or any control character is refused; what is left must resolve to this origin and to a
// path that does not start with "//" ("/.//host" resolves to the path "//host"), and the absolute address is what
// is followed.
function safeNext(next) {
  const home = '/index.html';
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.length > 2000) return home;
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return home;
  let url;
  try {
    url = new URL(next, location.origin);
  } catch (e) {
    return home;
  }
  return url.origin === location.origin && !url.pathname.startsWith('//') ? url.href : home;
}

document.getElementById('login').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const res = await fetch('/api/session', {method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({name: document.getElementById('name').value, password: document.getElementById('password').value})});
  if (res.ok) {
    const me = await res.json();
    sessionStorage.setItem('csrf', me.csrf);
    location.href = safeNext(new URLSearchParams(location.search).get('next'));
  } else {
    const e = await res.json().catch(() => ({error: '登录失败'}));
    document.getElementById('message').textContent = e.error;
  }
});
