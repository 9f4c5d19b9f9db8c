// CarePrep, every page: at log-out, forget every unsent draft kept in this browser (a hospital
// desk's computer is shared; the server also sends Clear-Site-Data with the log-out).
(function () {
  "use strict";
  function forgetDrafts() {
    try {
      var ls = window.localStorage;
      Object.keys(ls).forEach(function (k) {
        if (k.indexOf("careprep:draft:") === 0) ls.removeItem(k);
      });
    } catch (e) { /* storage switched off: nothing was kept */ }
  }
  document.addEventListener("submit", function (event) {
    if (event.target.matches && event.target.matches("form[data-logout]")) forgetDrafts();
  }, true);
})();
