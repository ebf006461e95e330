/* Service worker of Portal Kampung KB (issue 16), served at /sw.js.

   Reading: the kader's pages (home, "Laporan bulan ini", a poktan, its
   monthly registers) come from the network when there is one and are kept,
   one cache per user; without a network the kept copy is shown, or the
   offline page. Every other page is left to the network (offline page on
   failure). Static files: kept copy first, refreshed in the background.

   Writing: a register form posted without a network is kept in IndexedDB
   (luring-db.js) and the browser is sent back to the form, where the page
   shows "belum terkirim". The worker sends it when the connection returns
   (Background Sync, or a message from a page on load / "online"). The
   server treats it as any POST: CSRF, version check, validation, audit. */
'use strict';
importScripts('/static/js/luring-db.js');

var VERSI = 'v1';
var STATIS = 'kkb-statis-' + VERSI;
var HALAMAN = 'kkb-halaman-'; // + user id
var LURING = '/luring/';
var FORMULIR = /^\/poktan\/\d+\/laporan\/\d{4}-\d{2}\/(ajukan\/)?$/;
var HALAMAN_KADER = [/^\/$/, /^\/poktan\/laporan-bulan-ini\/$/, /^\/poktan\/\d+\/$/,
  /^\/poktan\/\d+\/laporan\/\d{4}-\d{2}\/$/];
var PENGGUNA = /<meta name="kkb-pengguna" content="(\d+)">/;

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(STATIS).then(function (c) { return c.add(LURING); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) {
      return k.indexOf('kkb-statis-') === 0 && k !== STATIS;
    }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var req = event.request;
  var url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.method === 'POST' && req.mode === 'navigate' && FORMULIR.test(url.pathname)) {
    event.respondWith(kirimFormulir(req, event));
  } else if (req.method !== 'GET') {
    return;
  } else if (url.pathname.indexOf('/static/') === 0) {
    event.respondWith(statis(req, event));
  } else if (req.mode === 'navigate') {
    event.respondWith(halaman(req, url, event));
  }
});

function kaderPath(url) {
  return !url.search && HALAMAN_KADER.some(function (r) { return r.test(url.pathname); });
}

function halaman(req, url, event) {
  return fetch(req).then(function (res) {
    var html = (res.headers.get('content-type') || '').indexOf('text/html') === 0;
    if (res.status === 200 && html) event.waitUntil(simpanHalaman(res.clone(), url.pathname));
    return res;
  }).catch(function () {
    return LuringDB.pengguna().then(function (id) {
      if (!id || !kaderPath(url)) return null;
      return caches.open(HALAMAN + id).then(function (c) { return c.match(url.pathname); });
    }).then(function (hit) { return hit || halamanLuring(); });
  });
}

function halamanLuring() {
  return caches.match(LURING).then(function (hit) {
    return hit || new Response('Tidak ada sinyal / offline', {
      status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  });
}

/* Learn whose pages these are from the page itself (base.html writes the
   kader's id in a meta tag; a page without it — the login page — means
   nobody), and keep a kader page in that user's cache only. */
function simpanHalaman(res, path) {
  return res.text().then(function (text) {
    var m = PENGGUNA.exec(text);
    var id = m ? m[1] : null;
    var simpan = LuringDB.setPengguna(id);
    if (!id || !kaderPath(new URL(path, self.location.origin))) return simpan;
    // Kept without the one-time messages ("Draf tersimpan.") of that moment.
    text = text.replace(/<div id="pesan">[\s\S]*?<\/div><!--\/pesan-->/, '<div id="pesan"></div><!--/pesan-->');
    var salinan = new Response(text, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    return Promise.all([simpan, caches.open(HALAMAN + id).then(function (c) {
      return c.put(path, salinan);
    })]);
  });
}

function statis(req, event) {
  return caches.open(STATIS).then(function (c) {
    return c.match(req).then(function (hit) {
      var baru = fetch(req).then(function (res) {
        if (res.ok) return c.put(req, res.clone()).then(function () { return res; });
        return res;
      });
      if (hit) { event.waitUntil(baru.catch(function () {})); return hit; }
      return baru;
    });
  });
}

function halamanDari(pathname) { return pathname.replace(/ajukan\/$/, ''); }

/* A register posted by the browser. With a network it goes through untouched
   (and any stored copy of that page's draft is dropped: the server answered
   it, and a refusal comes back as the form with her values). Without one it
   is kept and the browser goes back to the (kept) form. */
function kirimFormulir(req, event) {
  var cadangan = req.clone();
  var path = new URL(req.url).pathname;
  return fetch(req).then(function (res) {
    if (res.status !== 403) {
      event.waitUntil(LuringDB.pengguna().then(function (id) {
        return id && LuringDB.hapus(LuringDB.kunci(id, halamanDari(path)));
      }));
    }
    return res;
  }).catch(function () {
    return Promise.all([LuringDB.pengguna(), cadangan.formData()]).then(function (r) {
      var id = r[0];
      if (!id) return halamanLuring();
      var isian = [];
      r[1].forEach(function (value, name) { isian.push([name, value]); });
      var draf = { kunci: LuringDB.kunci(id, halamanDari(path)), pengguna: id,
        halaman: halamanDari(path), aksi: path, isian: isian,
        disimpan: new Date().toISOString(), keadaan: 'menunggu' };
      return LuringDB.simpan(draf).then(function () {
        return self.registration.sync && self.registration.sync.register('kirim-draf')
          .catch(function () {});
      }).then(function () { return Response.redirect(draf.halaman, 303); });
    });
  });
}

self.addEventListener('sync', function (event) {
  if (event.tag === 'kirim-draf') event.waitUntil(kirimSemua());
});

self.addEventListener('message', function (event) {
  var data = event.data || {};
  if (data.jenis === 'kirim') event.waitUntil(kirimSemua().catch(function () {}));
  if (data.jenis === 'simpan-halaman' && typeof data.path === 'string') {
    event.waitUntil(fetch(data.path, { credentials: 'same-origin' }).then(function (res) {
      if (res.ok && !res.redirected) return simpanHalaman(res, data.path);
    }).catch(function () {}));
  }
});

var berjalan = null;
/* One run at a time: a sync event and a page's message may come together,
   and a draft must not be in flight twice. */
function kirimSemua() {
  if (!berjalan) {
    berjalan = kirimSemuaSekali().then(function () { berjalan = null; },
      function (err) { berjalan = null; throw err; });
  }
  return berjalan;
}

function kirimSemuaSekali() {
  return Promise.all([LuringDB.pengguna(), LuringDB.semua()]).then(function (r) {
    var id = r[0];
    var antre = r[1].filter(function (d) {
      return d.pengguna === id && (d.keadaan === 'menunggu' || d.keadaan === 'masuk');
    });
    return antre.reduce(function (p, d) {
      return p.then(function () { return kirimSatu(d); });
    }, Promise.resolve());
  });
}

function post(aksi, isian) {
  var body = new URLSearchParams();
  isian.forEach(function (pair) { body.append(pair[0], pair[1]); });
  return fetch(aksi, { method: 'POST', body: body, credentials: 'same-origin' });
}

var TOKEN = /name="csrfmiddlewaretoken" value="([^"]+)"/;

/* The CSRF token rotates at login: a draft kept over a re-login gets 403.
   Then fetch the form once more for a fresh token and post again. */
function tokenBaru(d) {
  return fetch(d.halaman, { credentials: 'same-origin' }).then(function (res) { return res.text(); })
    .then(function (text) {
      var m = TOKEN.exec(text);
      if (!m) return false;
      d.isian = d.isian.map(function (p) { return p[0] === 'csrfmiddlewaretoken' ? [p[0], m[1]] : p; });
      return true;
    });
}

function kirimSatu(d) {
  return post(d.aksi, d.isian).then(function (res) {
    if (res.status !== 403) return res;
    return tokenBaru(d).then(function (ok) { return ok ? post(d.aksi, d.isian) : res; });
  }).then(function (res) {
    var tujuan = new URL(res.url).pathname;
    if (tujuan.indexOf('/akun/masuk/') === 0) {
      d.keadaan = 'masuk'; // session over: kept until she logs in again
      return LuringDB.simpan(d).then(function () { return beritahu('masuk', d); });
    }
    if (res.ok && res.redirected) {
      return LuringDB.hapus(d.kunci).then(function () { return segarkan(d); });
    }
    // Refused (409 conflict, or the form back with errors): the page posts
    // it once more in the browser, so she sees the server's message.
    d.keadaan = 'ditolak';
    d.status = res.status;
    return LuringDB.simpan(d).then(function () { return beritahu('ditolak', d); });
  });
}

/* After a send: keep the fresh page (new version) and tell open pages. */
function segarkan(d) {
  return fetch(d.halaman, { credentials: 'same-origin' }).then(function (res) {
    return res.text().then(function (text) {
      var m = /name="version" value="(\d+)"/.exec(text);
      d.versi = m ? m[1] : null;
      var salinan = new Response(text, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
      return caches.open(HALAMAN + d.pengguna).then(function (c) { return c.put(d.halaman, salinan); });
    });
  }).catch(function () {}).then(function () { return beritahu('terkirim', d); });
}

function beritahu(jenis, d) {
  return self.clients.matchAll({ type: 'window' }).then(function (list) {
    list.forEach(function (c) {
      c.postMessage({ jenis: jenis, halaman: d.halaman, aksi: d.aksi, versi: d.versi || null });
    });
  });
}
