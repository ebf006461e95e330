// "Salin teks" beside a read-only text to paste into WhatsApp (issue 17 §2).
// Without JavaScript the button stays hidden and the text is selectable.
(function () {
  "use strict";
  document.querySelectorAll("[data-salin]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-salin"));
    if (!source || !navigator.clipboard) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.value).then(function () {
        var status = document.getElementById(button.getAttribute("data-salin") + "-status");
        if (status) {
          status.textContent = button.getAttribute("data-tersalin");
        }
      });
    });
  });
})();
