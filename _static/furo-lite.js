/* What this site uses of Furo's furo.js, in a fraction of its size: the light/dark
   button, the header's shadow, the back-to-top button, and the highlight of the
   current section in "On this page" (furo.js does that with the Gumshoe library).
   The build puts this file in place of furo.js (_ext/practice/site/assets.py).
   Follows furo/assets/scripts/furo.js (Furo 2025.12.19, MIT licence): compare the two
   when Furo is upgraded. */
(function () {
  "use strict";
  var root = document.documentElement;
  var header, toc;
  var sections = []; // [<li> in "On this page", the heading it links to]
  var lastY = 0;

  function cycleTheme() {
    // From "auto", first to the opposite of what the system shows, then back to auto.
    var order = matchMedia("(prefers-color-scheme: dark)").matches
      ? ["auto", "light", "dark"] : ["auto", "dark", "light"];
    var mode = order[(order.indexOf(localStorage.getItem("theme") || "auto") + 1) % 3];
    document.body.dataset.theme = mode;
    localStorage.setItem("theme", mode);
  }

  function onScroll() {
    var y = scrollY;
    var atBottom = Math.ceil(y) >= Math.floor(root.scrollHeight - innerHeight);
    header.classList.toggle("scrolled", y > 0);
    if (y < 64 || y > lastY) root.classList.remove("show-back-to-top");
    else if (y < lastY) root.classList.add("show-back-to-top");
    lastY = y;
    if (!toc) return;
    if (y === 0 || atBottom) toc.scrollTo(0, y === 0 ? 0 : toc.scrollHeight);
    // The current section: the last whose heading is above this line (or, at the
    // bottom of the page, the last one); it and the items around it are highlighted.
    var line = header.getBoundingClientRect().bottom + 2.5 * parseFloat(getComputedStyle(root).fontSize) + 1;
    var current = atBottom ? sections[sections.length - 1] : null;
    sections.forEach(function (s) {
      if (!atBottom && s[1].getBoundingClientRect().top <= line) current = s;
    });
    sections.forEach(function (s) {
      s[0].classList.toggle("scroll-current", !!current && s[0].contains(current[0]));
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    root.classList.remove("no-js");
    header = document.querySelector("header");
    toc = document.querySelector(".toc-scroll");
    document.querySelectorAll(".toc-tree a").forEach(function (a) {
      var heading = a.hash && document.getElementById(decodeURIComponent(a.hash.slice(1)));
      if (heading) sections.push([a.parentNode, heading]);
    });
    document.querySelectorAll(".theme-toggle").forEach(function (b) {
      b.addEventListener("click", cycleTheme);
    });
    var waiting = false;
    addEventListener("scroll", function () {
      if (waiting) return;
      waiting = true;
      requestAnimationFrame(function () { waiting = false; onScroll(); });
    });
    onScroll();
  });
})();
