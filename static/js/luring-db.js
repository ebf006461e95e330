/* The phone's store of unsent registers, shared by the page (luring.js) and
   the service worker (sw.js). IndexedDB "kkb-luring":
   - "draf": one record per user and register page, key "<user> <path>":
     {kunci, pengguna, halaman, aksi, isian: [[name, value], ...], disimpan,
      keadaan: "menunggu" | "ditolak" | "masuk"}
   - "meta": "pengguna" = the user whose pages the worker may serve. */
'use strict';
var LuringDB = (function () {
  function buka() {
    return new Promise(function (resolve, reject) {
      var req = indexedDB.open('kkb-luring', 1);
      req.onupgradeneeded = function () {
        req.result.createObjectStore('draf', { keyPath: 'kunci' });
        req.result.createObjectStore('meta');
      };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }
  function jalankan(store, mode, kerja) {
    return buka().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(store, mode);
        var hasil = kerja(tx.objectStore(store));
        tx.oncomplete = function () { db.close(); resolve(hasil && hasil.result); };
        tx.onerror = function () { db.close(); reject(tx.error); };
      });
    });
  }
  return {
    kunci: function (pengguna, halaman) { return pengguna + ' ' + halaman; },
    ambil: function (kunci) { return jalankan('draf', 'readonly', function (s) { return s.get(kunci); }); },
    semua: function () { return jalankan('draf', 'readonly', function (s) { return s.getAll(); }); },
    simpan: function (draf) { return jalankan('draf', 'readwrite', function (s) { s.put(draf); }); },
    hapus: function (kunci) { return jalankan('draf', 'readwrite', function (s) { s.delete(kunci); }); },
    pengguna: function () { return jalankan('meta', 'readonly', function (s) { return s.get('pengguna'); }); },
    setPengguna: function (id) { return jalankan('meta', 'readwrite', function (s) { s.put(id, 'pengguna'); }); },
    // Logout: this user's drafts go; the worker serves nobody until a page says who.
    lupakan: function (pengguna) {
      return jalankan('draf', 'readwrite', function (s) {
        var req = s.openCursor();
        req.onsuccess = function () {
          var c = req.result;
          if (!c) return;
          if (c.value.pengguna === pengguna) c.delete();
          c.continue();
        };
      }).then(function () { return jalankan('meta', 'readwrite', function (s) { s.delete('pengguna'); }); });
    },
  };
})();
