// After a failed submit, put the keyboard focus on the first field in error, so that
// keyboard and screen-reader users land on what to fix (its message is tied to it).
(function () {
  "use strict";
  function start() {
    var first = document.querySelector("form [aria-invalid='true'], form .is-invalid");
    if (first) { first.focus(); }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
})();
