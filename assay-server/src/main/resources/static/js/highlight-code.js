// Colours the code of file views and diffs (table.code) with the vendored highlight.js, choosing the language by
// file name. Only each line's <code> element changes: rows, line numbers, anchors and comment threads stay as the
// server wrote them.
(function () {
  "use strict";
  // The one place that maps file names to highlight.js languages (only those of its common build).
  var BY_NAME = { "makefile": "makefile", "gnumakefile": "makefile", "pipfile": "ini", "setup.cfg": "ini",
    ".pypirc": "ini", ".gitconfig": "ini", ".editorconfig": "ini" };
  var BY_EXTENSION = {
    py: "python", pyi: "python", pyw: "python", pyx: "python", pxd: "python",
    toml: "ini", cfg: "ini", ini: "ini", yaml: "yaml", yml: "yaml", json: "json",
    md: "markdown", markdown: "markdown", sh: "bash", bash: "bash", zsh: "bash",
    c: "c", h: "c", cc: "cpp", cpp: "cpp", cxx: "cpp", hpp: "cpp", hh: "cpp",
    js: "javascript", mjs: "javascript", ts: "typescript", css: "css", scss: "scss", less: "less",
    html: "xml", htm: "xml", xml: "xml", svg: "xml", java: "java", kt: "kotlin", rs: "rust", go: "go",
    rb: "ruby", sql: "sql", diff: "diff", patch: "diff", lua: "lua", php: "php", pl: "perl", r: "r",
    swift: "swift", cs: "csharp", mk: "makefile", graphql: "graphql"
  };
  // Beyond this many characters a file is left plain: colouring it would hold the page up.
  var MAX_CHARS = 400000;

  function languageOf(path) {
    if (!path) {
      return null;
    }
    var name = path.substring(path.lastIndexOf("/") + 1).toLowerCase();
    if (BY_NAME[name]) {
      return BY_NAME[name];
    }
    var dot = name.lastIndexOf(".");
    var language = dot > 0 ? BY_EXTENSION[name.substring(dot + 1)] : null;
    return language && window.hljs.getLanguage(language) ? language : null;
  }

  // Splits highlight.js's HTML at its newlines, closing the spans open at each line's end and reopening them on
  // the next line, so every line is well-formed on its own.
  function splitLines(html) {
    var lines = [];
    var open = [];
    var current = "";
    html.split(/(<span[^>]*>|<\/span>|\n)/).forEach(function (part) {
      if (part === "\n") {
        lines.push(current + "</span>".repeat(open.length));
        current = open.join("");
      } else {
        if (part.lastIndexOf("<span", 0) === 0) {
          open.push(part);
        } else if (part === "</span>") {
          open.pop();
        }
        current += part;
      }
    });
    lines.push(current);
    return lines;
  }

  // The code elements of the table's lines, in order, without hunk headers and notes.
  function linesOf(table) {
    var lines = [];
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        if (row.classList.contains("hunk") || row.classList.contains("note")) {
          return;
        }
        Array.prototype.forEach.call(row.cells, function (cell) {
          var code = cell.classList.contains("text") ? cell.querySelector(":scope > code") : null;
          if (code) {
            lines.push(code);
          }
        });
      });
    });
    return lines;
  }

  function show(code, html) {
    code.innerHTML = html;
    code.classList.add("highlighted");
  }

  function highlight(text, language) {
    return window.hljs.highlight(text, { language: language, ignoreIllegals: true }).value;
  }

  // A whole file is highlighted as one text, so strings and comments spanning lines are right. A diff's lines are
  // highlighted one by one: a hunk may start inside a string, which would colour everything after it wrongly.
  function highlightTable(table) {
    var holder = table.closest("[data-path]");
    var language = languageOf(holder ? holder.getAttribute("data-path") : null);
    if (!language || table.hasAttribute("data-highlighted")) {
      return;
    }
    table.setAttribute("data-highlighted", language);
    var lines = linesOf(table);
    var text = lines.map(function (code) { return code.textContent; }).join("\n");
    if (lines.length === 0 || text.length > MAX_CHARS) {
      return;
    }
    if (table.classList.contains("diff-lines")) {
      lines.forEach(function (code) { show(code, highlight(code.textContent, language)); });
      return;
    }
    var html = splitLines(highlight(text, language));
    if (html.length === lines.length) {
      lines.forEach(function (code, index) { show(code, html[index]); });
    }
  }

  function highlightAll() {
    if (window.hljs) {
      document.querySelectorAll("table.code").forEach(highlightTable);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", highlightAll);
  } else {
    highlightAll();
  }
})();
