/* The page's scripts, loaded after the load event (issue 16, weak
   connection): a first load on a village phone waits only for the HTML.
   Every script it loads is a progressive enhancement (offline entry, the
   attendance count): the page works before and without them. Their
   addresses come in this element's data-skrip, separated by spaces, and run
   in that order.
   On a phone's first visit this text is inside the page, with the
   stylesheet (kampungkb/first_visit.py); data-gaya and data-muat name the
   two files. After load they are kept, and the cookie kkb_aset=data-versi
   tells the server to link them from now on: on a kader's phone the
   service worker (registered by luring.js) stores the texts the page
   already has, nothing is downloaded twice; elsewhere the browser fetches
   the two files into its cache. */
(function () {
  'use strict';
  var me = document.currentScript;
  function attr(name) { return (me && me.getAttribute(name)) || ''; }
  var urls = attr('data-skrip').split(/\s+/).filter(Boolean);
  var sw = navigator.serviceWorker;

  function tandai() {
    document.cookie = 'kkb_aset=' + attr('data-versi') + '; path=/; max-age=31536000; SameSite=Lax' +
      (location.protocol === 'https:' ? '; Secure' : '');
  }
  function lewatPekerja() {
    var gaya = document.querySelector('head > style');
    sw.ready.then(function (reg) {
      tandai(); // before luring.js asks the worker to keep this page
      reg.active.postMessage({ jenis: 'aset', berkas: [
        { url: attr('data-gaya'), tipe: 'text/css; charset=utf-8', teks: gaya.textContent },
        { url: attr('data-muat'), tipe: 'text/javascript; charset=utf-8', teks: me.textContent }] });
    });
  }
  function lewatPeramban() {
    var sisa = 2;
    function selesai() { sisa -= 1; if (!sisa) tandai(); }
    var gaya = document.createElement('link');
    gaya.rel = 'stylesheet'; // the same rules as the inline ones: nothing moves
    gaya.href = attr('data-gaya');
    gaya.onload = selesai;
    document.head.appendChild(gaya);
    var muat = document.createElement('script');
    muat.src = attr('data-muat'); // without data-skrip it loads nothing
    muat.onload = selesai;
    document.body.appendChild(muat);
  }
  function muat() {
    if (attr('data-gaya')) {
      // luring.js registers the worker on a kader's page (same conditions).
      var kader = document.querySelector('meta[name="kkb-pengguna"]');
      if (kader && sw && window.indexedDB && urls.length) lewatPekerja();
      else lewatPeramban();
    }
    urls.forEach(function (src) {
      var el = document.createElement('script');
      el.src = src;
      el.async = false; // in order: luring.js needs luring-db.js
      document.body.appendChild(el);
    });
  }
  if (document.readyState === 'complete') muat();
  else window.addEventListener('load', muat);
})();
