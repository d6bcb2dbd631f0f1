// Completes @names in comment boxes (textareas marked data-mentions) from /complete/users, for signed-in people.
(function () {
  "use strict";
  var NAME_BEFORE_CARET = /(^|[^A-Za-z0-9._@\/-])@([A-Za-z0-9._-]{1,40})$/;

  function close(list) {
    if (list && list.parentNode) {
      list.parentNode.removeChild(list);
    }
  }

  function offer(area, prefix, names) {
    close(area._mentionChoices);
    if (names.length === 0) {
      return;
    }
    var list = document.createElement("ul");
    list.className = "mention-choices";
    names.forEach(function (entry) {
      var item = document.createElement("li");
      item.textContent = "@" + entry.name;
      item.addEventListener("mousedown", function (event) {
        event.preventDefault();
        var caret = area.selectionStart;
        var before = area.value.slice(0, caret - prefix.length);
        area.value = before + entry.name + " " + area.value.slice(caret);
        area.selectionStart = area.selectionEnd = before.length + entry.name.length + 1;
        close(list);
        area.focus();
      });
      list.appendChild(item);
    });
    area.parentNode.insertBefore(list, area.nextSibling);
    area._mentionChoices = list;
  }

  document.addEventListener("input", function (event) {
    var area = event.target;
    if (!(area instanceof HTMLTextAreaElement) || !area.hasAttribute("data-mentions")) {
      return;
    }
    var typed = NAME_BEFORE_CARET.exec(area.value.slice(0, area.selectionStart));
    if (!typed) {
      close(area._mentionChoices);
      return;
    }
    var prefix = typed[2];
    fetch("/complete/users?prefix=" + encodeURIComponent(prefix), {headers: {"Accept": "application/json"},
        credentials: "same-origin"})
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (names) {
        // an answer for an older prefix arriving late must not replace the current one
        var now = NAME_BEFORE_CARET.exec(area.value.slice(0, area.selectionStart));
        if (now && now[2] === prefix) {
          offer(area, prefix, names);
        }
      })
      .catch(function () { close(area._mentionChoices); });
  });

  document.addEventListener("focusout", function (event) {
    if (event.target instanceof HTMLTextAreaElement) {
      close(event.target._mentionChoices);
    }
  });
})();
