/* The count of ticked families as the kader ticks (issue 17): the "Keluarga
   hadir" figure and the line above the list follow the boxes. Without
   JavaScript both are counted by the server when the draft is saved. */
(function () {
  "use strict";
  var list = document.getElementById("daftar-hadir");
  if (!list) return;
  var line = document.getElementById("jumlah-dicentang");
  var figure = document.getElementById("id_keluarga_hadir");
  var lang = document.documentElement.lang === "en" ? "en-US" : "id-ID";

  function update() {
    var boxes = list.querySelectorAll("input[type=checkbox][name=hadir]");
    var ticked = 0;
    boxes.forEach(function (box) { if (box.checked) ticked += 1; });
    if (figure) figure.value = String(ticked);
    if (line && line.dataset.templat) {
      line.textContent = line.dataset.templat
        .replace("{n}", ticked.toLocaleString(lang))
        .replace("{total}", boxes.length.toLocaleString(lang));
    }
  }

  list.addEventListener("change", update);
  // This script arrives after the page has loaded (static/js/muat.js): boxes
  // she ticked before it came are counted now.
  var boxes = list.querySelectorAll("input[type=checkbox][name=hadir]");
  if (Array.prototype.some.call(boxes, function (box) { return box.checked !== box.defaultChecked; })) {
    update();
  }
})();
