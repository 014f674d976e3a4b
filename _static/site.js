/* The practice's small script: "Exit this page" (GOV.UK Design System pattern) and
   keyboard access to Furo's menu buttons. Stores nothing and sends nothing. */
(function () {
  "use strict";

  /* -- Exit this page ------------------------------------------------------
     The button is a plain link to a neutral site, so it works without this script.
     With it: pressing Shift three times within 5 seconds also leaves (a Shift used
     with another key does not count), a status tells screen-reader users how many
     presses are left, and the page is covered at once so it is not seen while the
     next site loads. The page is replaced in the history, so Back skips it. */
  var PRESSES = 3;
  var WINDOW_MS = 5000;

  function setUpExit(container) {
    var button = container.querySelector(".exit-this-page__button");
    var status = container.querySelector(".exit-this-page__status");
    var indicator = container.querySelector(".exit-this-page__indicator");
    if (!button || !status) return;
    // In a translation, the words are in the container's data- attributes (w: a short
    // name, as every byte of a page counts).
    var w = container.dataset;
    var count = 0;
    var timer = null;
    var shiftDown = false;
    var combined = false;

    function reset(message) {
      count = 0;
      clearTimeout(timer);
      timer = null;
      status.textContent = message || "";
      if (indicator) indicator.textContent = "";
    }

    function exit(event) {
      if (event) event.preventDefault();
      reset(w.loading || "Loading.");
      // Inline styles: the cover must work even where a stylesheet was trimmed.
      var overlay = document.createElement("div");
      overlay.className = "exit-this-page-overlay";
      overlay.style.cssText = "position:fixed;inset:0;z-index:9999;background:#fff;visibility:visible";
      document.body.appendChild(overlay);
      document.body.style.visibility = "hidden";
      window.location.replace(button.href);
    }

    function countShift() {
      count += 1;
      if (count >= PRESSES) {
        exit();
        return;
      }
      var left = PRESSES - count;
      if (indicator) indicator.textContent = "\u25CF".repeat(count) + "\u25CB".repeat(left);
      status.textContent = ((left > 1 ? w.pressMany : w.pressOne) || "").replace("%(count)s", left)
        || "Shift, press " + left + " more time" + (left === 1 ? "" : "s") + " to exit.";
      if (!timer) {
        timer = setTimeout(function () { reset(w.expired || "Exit this page expired."); }, WINDOW_MS);
      }
    }

    button.addEventListener("click", exit);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Shift") {
        if (!event.repeat) {
          shiftDown = true;
          combined = false;
        }
      } else {
        combined = true;
        if (count) reset();
      }
    });
    document.addEventListener("keyup", function (event) {
      if (event.key !== "Shift" || !shiftDown) return;
      shiftDown = false;
      if (!combined) countShift();
    });
    // Coming back (Back button, page restored from the cache): show the page again.
    window.addEventListener("pageshow", function () {
      var overlay = document.querySelector(".exit-this-page-overlay");
      if (overlay) overlay.remove();
      document.body.style.visibility = "";
      reset();
    });
  }

  /* -- Furo's menu buttons --------------------------------------------------
     At narrow widths Furo opens its menu and "on this page" drawers with <label>s
     for hidden checkboxes, which Tab cannot reach. Swap each for a real button. */
  function setUpDrawerButton(label) {
    var box = document.getElementById(label.htmlFor);
    if (!box) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className;
    var w = document.querySelector("[data-exit-this-page]").dataset;
    button.setAttribute("aria-label", box.id === "__navigation" ? w.menu || "Menu"
      : w.contents || "Contents of this page");
    button.setAttribute("aria-expanded", box.checked ? "true" : "false");
    while (label.firstChild) button.appendChild(label.firstChild);
    label.replaceWith(button);
    box.addEventListener("change", function () {
      button.setAttribute("aria-expanded", box.checked ? "true" : "false");
    });
    button.addEventListener("click", function (event) {
      box.checked = !box.checked;
      box.dispatchEvent(new Event("change"));
      if (box.checked && event.detail === 0) {
        // Opened from the keyboard: move focus into the drawer.
        var drawer = document.querySelector(box.id === "__navigation" ? ".sidebar-drawer" : ".toc-drawer");
        var first = drawer && drawer.querySelector("a[href], input:not([type=hidden])");
        if (first) setTimeout(function () { first.focus(); }, 50);
      }
    });
  }

  function closeDrawersOnEscape(event) {
    if (event.key !== "Escape") return;
    ["__navigation", "__toc"].forEach(function (id) {
      var box = document.getElementById(id);
      if (box && box.checked) {
        box.checked = false;
        box.dispatchEvent(new Event("change"));
        var button = document.querySelector(".mobile-header button." +
          (id === "__navigation" ? "nav-overlay-icon" : "toc-overlay-icon"));
        if (button) button.focus();
      }
    });
  }

  function start() {
    document.querySelectorAll("[data-exit-this-page]").forEach(setUpExit);
    document.querySelectorAll("label.nav-overlay-icon, label.toc-overlay-icon").forEach(setUpDrawerButton);
    document.addEventListener("keydown", closeDrawersOnEscape);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
