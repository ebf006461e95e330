/* Offline entry on the kader's pages (issue 16), a progressive enhancement:
   without this script (or without service workers) every form posts as
   before. It registers the worker (sw.js), puts a register kept on the phone
   back into its form with the "belum terkirim" notice, asks the worker to
   send kept registers when the connection is back, and empties the phone's
   store at logout. Texts come translated from the page (data-* attributes). */
'use strict';
(function () {
  // A page kept by the worker may carry a token from before a new login: the
  // CSRF cookie holds the current secret, which Django accepts as the token.
  var cookie = /(?:^|; )csrftoken=([^;]+)/.exec(document.cookie);
  if (cookie) {
    document.querySelectorAll('input[name="csrfmiddlewaretoken"]').forEach(function (el) {
      el.value = decodeURIComponent(cookie[1]);
    });
  }
  var meta = document.querySelector('meta[name="kkb-pengguna"]');
  var pengguna = meta ? meta.content : null;
  var sw = navigator.serviceWorker;

  // Logout: drop this user's drafts and kept pages before the form posts.
  document.querySelectorAll('form[data-keluar]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!pengguna || form.dataset.dikosongkan) return;
      event.preventDefault();
      form.dataset.dikosongkan = '1';
      var kerja = [caches.delete('kkb-halaman-' + pengguna)];
      if (window.indexedDB) kerja.push(LuringDB.lupakan(pengguna));
      Promise.all(kerja).catch(function () {}).then(function () { form.submit(); });
    });
  });

  if (!pengguna || !sw || !window.indexedDB) return;

  /* A page the worker served from its kept copy comes locked (fields and
     buttons disabled, "Memeriksa…"): ask the worker whether the server still
     has this page. "sama" (or no network) unlocks it; "baru" reloads it, and
     the worker then serves the server's fresh page. */
  var main = document.querySelector('main[data-sidik]');
  if (main) {
    sw.addEventListener('message', function (event) {
      var data = event.data || {};
      if (data.jenis !== 'diperiksa' || data.path !== location.pathname) return;
      if (data.hasil === 'baru') return location.reload();
      main.querySelectorAll('[data-terkunci]').forEach(function (el) {
        el.disabled = false;
        el.removeAttribute('data-terkunci');
      });
      var badge = document.getElementById('memeriksa');
      if (badge) badge.hidden = true;
      main.removeAttribute('data-sidik');
      if (window.performance && performance.mark) performance.mark('kkb-terbuka');
      lanjut();
    });
    sw.ready.then(function (reg) {
      (sw.controller || reg.active).postMessage({ jenis: 'periksa', path: location.pathname,
        sidik: main.dataset.sidik, sejak: Number(main.dataset.sejak) });
    });
  }
  // Did the worker answer this page (and keep it)? Not "is there a
  // controller now": a worker activating meanwhile claims the page after it
  // came from the network.
  var nav = window.performance && performance.getEntriesByType &&
    performance.getEntriesByType('navigation')[0];
  var lewatPekerja = nav ? nav.workerStart > 0 : !!sw.controller;
  sw.register('/sw.js').then(function () { return sw.ready; }).then(function (reg) {
    // The page came before the worker was there: keep it now.
    if (!lewatPekerja) reg.active.postMessage({ jenis: 'simpan-halaman', path: location.pathname });
    kirim();
  }).catch(function () {});

  function kirim() {
    if (!navigator.onLine) return;
    sw.ready.then(function (reg) {
      reg.active.postMessage({ jenis: 'kirim' });
      if (reg.sync) reg.sync.register('kirim-draf').catch(function () {});
    });
  }
  window.addEventListener('online', kirim);

  var form = document.querySelector('form[data-luring]');
  var status = document.getElementById('status-luring');
  var kunci = LuringDB.kunci(pengguna, location.pathname);

  sw.addEventListener('message', function (event) {
    var data = event.data || {};
    if (data.jenis === 'diperiksa') return;
    if (!form || data.halaman !== location.pathname) return tampilkanDaftar();
    if (data.jenis === 'terkirim') {
      if (/ajukan\/$/.test(data.aksi)) return location.reload(); // no longer a draft
      if (data.versi) form.elements.version.value = data.versi;
      tampilkan('terkirim', new Date());
    } else if (data.jenis === 'ditolak') {
      LuringDB.ambil(kunci).then(kirimUlang);
    } else if (data.jenis === 'masuk') {
      tampilkan('masuk', null);
    }
  });

  function jam(tanggal) {
    return tanggal.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function tampilkan(keadaan, waktu) {
    if (!status) return;
    status.textContent = status.dataset[keadaan] + (waktu ? ' ' + jam(waktu) : '');
    status.className = 'alert ' + (keadaan === 'terkirim' ? 'alert-success' : 'alert-warning');
    status.hidden = false;
  }

  /* Put the kept values back: text fields, the attendance ticks, and the
     version she started from (so the server still sees a conflict). */
  function isi(draf) {
    var nilai = {};
    draf.isian.forEach(function (p) { (nilai[p[0]] = nilai[p[0]] || []).push(p[1]); });
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === 'csrfmiddlewaretoken' || el.type === 'submit' || el.disabled) return;
      var ada = nilai[el.name] || [];
      if (el.type === 'checkbox' || el.type === 'radio') el.checked = ada.indexOf(el.value) >= 0;
      else if (el.name === 'version' || ada.length) el.value = ada.length ? ada[0] : '';
    });
  }

  /* A refused draft: post it once more from the form itself, so the server
     answers her with its message and both values (a 409 or the form with
     errors); the worker drops the stored copy when that answer arrives. */
  function kirimUlang(draf) {
    if (!draf || draf.keadaan !== 'ditolak' || !navigator.onLine) return;
    isi(draf);
    var ajukan = /ajukan\/$/.test(draf.aksi);
    var tombol = form.querySelector('button[name="aksi"][value="' + (ajukan ? 'ajukan' : 'simpan') + '"]');
    form.requestSubmit(tombol);
  }

  function tampilkanDaftar() {
    var kotak = document.getElementById('draf-luring');
    if (!kotak) return;
    LuringDB.semua().then(function (semua) {
      var milik = semua.filter(function (d) { return d.pengguna === pengguna && d.halaman !== location.pathname; });
      var ul = kotak.querySelector('ul');
      ul.textContent = '';
      milik.forEach(function (d) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = d.halaman;
        a.textContent = d.halaman + ' · ' + jam(new Date(d.disimpan));
        li.appendChild(a);
        ul.appendChild(li);
      });
      // Classes set only when shown: a hidden ".alert" would confuse tests and readers.
      kotak.className = 'alert alert-warning small';
      kotak.hidden = milik.length === 0;
    }).catch(function () {});
  }
  /* The list of kept registers, and this form's own kept draft put back
     (after the unlock: a disabled field is not filled). */
  function lanjut() {
    tampilkanDaftar();
    if (!form) return;
    LuringDB.ambil(kunci).then(function (draf) {
      if (!draf) return;
      if (draf.keadaan === 'ditolak') return kirimUlang(draf);
      isi(draf);
      tampilkan(draf.keadaan === 'masuk' ? 'masuk' : 'menunggu', new Date(draf.disimpan));
    }).catch(function () {});
  }
  if (!main) lanjut();
})();
