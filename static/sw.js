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

/* A kader page she has opened before is shown at once from the kept copy,
   but locked (lock() below: every field and button disabled, "Memeriksa…"
   shown) until the page asks the worker whether the copy is current and the
   server's fresh page says so. A copy the server no longer matches (the PKB
   verified the register, someone saved) is never unlocked: the page is
   replaced by the fresh one. Without a network the copy is unlocked for
   offline entry (the server checks the version when the draft arrives). */
function halaman(req, url, event) {
  var satu = ambilSegar(url.pathname + url.search);
  if (satu && satu.teks) return Promise.resolve(htmlResponse(satu.teks));
  if (satu || !kaderPath(url)) return jaringan(req, url, event);
  return LuringDB.pengguna().then(function (id) {
    if (!id) return null;
    return caches.open(HALAMAN + id).then(function (c) { return c.match(url.pathname); });
  }).then(function (hit) {
    if (!hit) return jaringan(req, url, event);
    return hit.text().then(function (teks) {
      return sidik(teks).then(function (s) {
        var cek = mulaiPeriksa(url.pathname, s);
        event.waitUntil(cek.janji.catch(function () {}));
        return htmlResponse(lock(teks, s, cek.sejak));
      });
    });
  }).catch(function () { return jaringan(req, url, event); });
}

function jaringan(req, url, event) {
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

function htmlResponse(teks) {
  return new Response(teks, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

/* Pages to serve once, fresh from the server: the page a save answered with
   (with its "Draf tersimpan."), or the fresh page that replaced a locked
   copy; {jaringan: true} sends that one navigation to the network. */
var segar = {};
function simpanSegar(path, isi) { isi.sampai = Date.now() + 30000; segar[path] = isi; }
function ambilSegar(path) {
  var isi = segar[path];
  delete segar[path];
  return isi && isi.sampai > Date.now() ? isi : null;
}

/* One check with the server per page shown: {sama} (the server's page has
   the copy's fingerprint: a 304 without the page, kampungkb/kept_copy.py),
   the fresh page, or {luring}. */
var periksa = {};
function mulaiPeriksa(path, sidikSalinan) {
  var sejak = Date.now();
  var janji = fetch(path, { credentials: 'same-origin', cache: 'no-store',
    headers: { 'If-None-Match': '"kkb-' + sidikSalinan + '"' } }).then(function (res) {
    if (res.status === 304) return { sama: true };
    var html = (res.headers.get('content-type') || '').indexOf('text/html') === 0;
    if (res.status !== 200 || !html || res.redirected) return { teks: null };
    return res.text().then(function (teks) {
      return simpanTeks(teks, path).then(function () { return { teks: teks }; });
    });
  }, function () { return { luring: true }; });
  periksa[path] = { sejak: sejak, sidik: sidikSalinan, janji: janji };
  return periksa[path];
}

/* The page's answer: "sama" (the server's page is the one she sees: unlock),
   "luring" (no network: unlock for offline entry) or "baru" (reload: the
   fresh page is served once). A check started before the page was shown is
   not reused. */
function hasilPeriksa(path, sidikHalaman, sejak) {
  var ada = periksa[path];
  var cek = ada && ada.sejak >= sejak && ada.sidik === sidikHalaman ? ada
    : mulaiPeriksa(path, sidikHalaman);
  return cek.janji.then(function (r) {
    if (r.luring) return 'luring';
    if (r.sama) return 'sama';
    if (!r.teks) { simpanSegar(path, { jaringan: true }); return 'baru'; }
    return sidik(r.teks).then(function (s) {
      if (s === sidikHalaman && !PESAN_ISI.test(r.teks)) return 'sama';
      simpanSegar(path, { teks: r.teks });
      return 'baru';
    });
  });
}

var PESAN = /<div id="pesan">[\s\S]*?<\/div><!--\/pesan-->/;
var PESAN_ISI = /<div id="pesan">\s*<[\s\S]*?<\/div><!--\/pesan-->/;
var TOKEN_CSRF = /(name="csrfmiddlewaretoken" value=")[^"]*"/g;

/* What the page says: its <main>, without what changes on every answer (the
   masked CSRF token, the one-time messages). The head and the scripts may
   differ (a first visit carries the stylesheet inline). */
function sidik(teks) {
  var awal = teks.indexOf('<main');
  var akhir = teks.indexOf('</main>');
  var isi = awal < 0 || akhir < 0 ? teks : teks.slice(awal, akhir);
  var inti = isi.replace(TOKEN_CSRF, '$1"').replace(PESAN, '');
  return crypto.subtle.digest('SHA-256', new TextEncoder().encode(inti)).then(function (buf) {
    return Array.prototype.map.call(new Uint8Array(buf), function (b) {
      return ('0' + b.toString(16)).slice(-2);
    }).join('');
  });
}

var KONTROL = /<(input|select|textarea|button)\b([^>]*)>/g;
function lock(teks, s, sejak) {
  var awal = teks.indexOf('<main');
  var akhir = teks.indexOf('</main>');
  if (awal < 0 || akhir < 0) return teks;
  var isi = teks.slice(awal, akhir).replace(KONTROL, function (tag, nama, attr) {
    return /\sdisabled\b/.test(attr) ? tag : '<' + nama + ' disabled data-terkunci' + attr + '>';
  }).replace('<main', '<main data-sidik="' + s + '" data-sejak="' + sejak + '"')
    .replace(/(<[^>]*id="memeriksa"[^>]*?) hidden>/, '$1>');
  return teks.slice(0, awal) + isi + teks.slice(akhir);
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
  return res.text().then(function (text) { return simpanTeks(text, path); });
}

function simpanTeks(text, path) {
  return Promise.resolve().then(function () {
    var m = PENGGUNA.exec(text);
    var id = m ? m[1] : null;
    var simpan = LuringDB.setPengguna(id);
    if (!id || !kaderPath(new URL(path, self.location.origin))) return simpan;
    // Kept without the one-time messages ("Draf tersimpan.") of that moment.
    text = text.replace(PESAN, '<div id="pesan"></div><!--/pesan-->');
    var salinan = new Response(text, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    return Promise.all([simpan, caches.open(HALAMAN + id).then(function (c) {
      return c.put(path, salinan);
    })]);
  });
}

/* A file whose name carries its content's hash (collectstatic's manifest)
   never changes: a kept copy needs no refresh. */
var BERHASH = /\.[0-9a-f]{12}\.[a-z0-9]+$/;

function statis(req, event) {
  return caches.open(STATIS).then(function (c) {
    return c.match(req).then(function (hit) {
      if (hit && BERHASH.test(new URL(req.url).pathname)) return hit;
      var baru = fetch(req).then(function (res) {
        if (res.ok) return c.put(req, res.clone()).then(function () { return res; });
        return res;
      });
      if (hit) { event.waitUntil(baru.catch(function () {})); return hit; }
      return baru;
    });
  });
}

/* A first visit's stylesheet and loader came inside the page
   (kampungkb/first_visit.py, static/js/muat.js): keep those texts as the
   files they are, so the next page that links them downloads nothing. */
function simpanAset(berkas) {
  var sah = berkas.filter(function (b) {
    return b && typeof b.url === 'string' && b.url.indexOf('/static/') === 0 &&
      typeof b.teks === 'string' && /^text\/(css|javascript);/.test(b.tipe || '');
  });
  return caches.open(STATIS).then(function (c) {
    return Promise.all(sah.map(function (b) {
      return c.put(b.url, new Response(b.teks, { headers: { 'Content-Type': b.tipe } }));
    }));
  });
}

function halamanDari(pathname) { return pathname.replace(/ajukan\/$/, ''); }

/* A register posted by the browser. With a network the worker posts it
   itself with "X-Kkb-Ikuti: 1": the server answers a save with the page it
   redirects to (kampungkb/inline_redirect.py, one round trip instead of
   two); the worker keeps that page for the browser's GET and answers the
   POST with the 303, so a reload does not post again. Any other answer (a
   conflict, the form with errors) goes to the browser as it came. The
   stored copy of that page's draft is dropped: the server answered it.
   Without a network the form is kept and the browser goes back to the
   (kept) form. */
function kirimFormulir(req, event) {
  var cadangan = req.clone();
  var path = new URL(req.url).pathname;
  return req.clone().arrayBuffer().then(function (body) {
    return fetch(req.url, { method: 'POST', body: body, credentials: 'same-origin',
      redirect: 'manual', headers: { 'Content-Type': req.headers.get('Content-Type'),
        'X-Kkb-Ikuti': '1' } });
  }).then(function (res) {
    if (res.status !== 403) {
      event.waitUntil(LuringDB.pengguna().then(function (id) {
        return id && LuringDB.hapus(LuringDB.kunci(id, halamanDari(path)));
      }));
    }
    var lokasi = res.headers.get('X-Kkb-Lokasi');
    if (!lokasi || res.status !== 200) return res;
    return res.text().then(function (teks) {
      var tujuan = new URL(lokasi, self.location.origin);
      simpanSegar(tujuan.pathname + tujuan.search, { teks: teks });
      event.waitUntil(simpanTeks(teks, tujuan.pathname).catch(function () {}));
      return Response.redirect(tujuan.href, 303);
    });
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
  if (data.jenis === 'periksa' && typeof data.path === 'string' && event.source) {
    event.waitUntil(hasilPeriksa(data.path, data.sidik, Number(data.sejak) || 0)
      .then(function (hasil) {
        event.source.postMessage({ jenis: 'diperiksa', path: data.path, hasil: hasil });
      }));
  }
  if (data.jenis === 'aset' && Array.isArray(data.berkas)) {
    event.waitUntil(simpanAset(data.berkas).catch(function () {}));
  }
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
