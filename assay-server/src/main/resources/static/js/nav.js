// The header's search suggestions by keyboard (down/up arrows move between the box and the suggestions, Escape
// closes them) and the user menu closing when one clicks elsewhere or presses Escape. htmx fetches the suggestions.
(function () {
  "use strict";

  function links(box) {
    return Array.prototype.slice.call(box.querySelectorAll("a"));
  }

  function setUp() {
    var input = document.getElementById("header-q");
    var box = document.getElementById("header-suggestions");
    var menu = document.getElementById("user-menu");
    if (input && box) {
      input.addEventListener("keydown", function (event) {
        if (event.key === "ArrowDown" && links(box).length > 0) {
          event.preventDefault();
          links(box)[0].focus();
        } else if (event.key === "Escape") {
          box.innerHTML = "";
        }
      });
      box.addEventListener("keydown", function (event) {
        var all = links(box);
        var at = all.indexOf(document.activeElement);
        if (event.key === "ArrowDown" && at >= 0 && at < all.length - 1) {
          event.preventDefault();
          all[at + 1].focus();
        } else if (event.key === "ArrowUp" && at >= 0) {
          event.preventDefault();
          (at === 0 ? input : all[at - 1]).focus();
        } else if (event.key === "Escape") {
          box.innerHTML = "";
          input.focus();
        }
      });
    }
    document.addEventListener("click", function (event) {
      if (box && input && !box.contains(event.target) && event.target !== input) {
        box.innerHTML = "";
      }
      if (menu && menu.open && !menu.contains(event.target)) {
        menu.open = false;
      }
    });
    if (menu) {
      menu.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && menu.open) {
          menu.open = false;
          menu.querySelector("summary").focus();
        }
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
