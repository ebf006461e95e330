/* The page's scripts, loaded after the load event (issue 16, weak
   connection): a first load on a village phone waits only for the HTML and
   the stylesheet, one round trip fewer bytes. Every script it loads is a
   progressive enhancement (offline entry, the attendance count): the page
   works before and without them. Their addresses come in this element's
   data-skrip, separated by spaces, and run in that order. */
(function () {
  'use strict';
  var me = document.currentScript;
  var urls = ((me && me.getAttribute('data-skrip')) || '').split(/\s+/).filter(Boolean);
  function muat() {
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
