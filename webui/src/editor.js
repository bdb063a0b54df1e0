// The plandsl spec editor: CodeMirror 6 with syntax highlighting, live diagnostics
// (debounced, from the server's check of the unsaved text) and hover showing the parent's value.
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
         drawSelection, hoverTooltip } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { StreamLanguage, syntaxHighlighting, HighlightStyle, bracketMatching } from "@codemirror/language";
import { linter, lintGutter, forceLinting } from "@codemirror/lint";
import { searchKeymap, highlightSelectionMatches } from "@codemirror/search";
import { tags as t } from "@lezer/highlight";

const planLanguage = StreamLanguage.define({
  name: "plandsl",
  startState: () => ({ lineStart: true }),
  token(stream, state) {
    if (stream.sol()) state.lineStart = true;
    if (stream.eatSpace()) return null;
    if (stream.peek() === "#") { stream.skipToEnd(); return "comment"; }
    if (stream.peek() === "\"") {
      stream.next();
      let escaped = false, ch;
      while ((ch = stream.next()) != null) {
        if (ch === "\"" && !escaped) break;
        escaped = !escaped && ch === "\\";
      }
      state.lineStart = false;
      return "string";
    }
    if (stream.match(/^[+-]?\d[\d_.,]*%?/)) { state.lineStart = false; return "number"; }
    if (stream.match(/^(>=|<=|=|\.\.)/)) { state.lineStart = false; return "operator"; }
    if (stream.match(/^[{}]/)) { state.lineStart = false; return "brace"; }
    if (stream.match(/^[\p{L}_][\p{L}\p{N}_]*/u)) {
      const first = state.lineStart;
      state.lineStart = false;
      return first ? "keyword" : "variableName";
    }
    stream.next();
    state.lineStart = false;
    return null;
  },
  languageData: { commentTokens: { line: "#" } },
});

const planHighlight = HighlightStyle.define([
  { tag: t.keyword, color: "#7a1f1f", fontWeight: "600" },
  { tag: t.string, color: "#1f5130" },
  { tag: t.number, color: "#14408a" },
  { tag: t.comment, color: "#6b6b6b", fontStyle: "italic" },
  { tag: t.operator, color: "#14408a" },
  { tag: t.variableName, color: "#333" },
]);

function offsetOf(doc, line, col) {
  const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
  return Math.min(l.from + Math.max(col - 1, 0), l.to);
}

async function postJSON(url, body, csrf) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
    body: JSON.stringify(body),
    credentials: "same-origin",
  });
  return res.json();
}

function mount(el, opts) {
  const textarea = el.querySelector("textarea");
  const status = document.getElementById(opts.statusId || "editor-status");
  const listEl = document.getElementById(opts.findingsId || "editor-findings");
  let view;

  const renderList = (diags) => {
    if (!listEl) return;
    listEl.replaceChildren();
    for (const d of diags) {
      const li = document.createElement("li");
      li.className = "finding sev-" + d.severity;
      li.dataset.code = d.code;
      const code = document.createElement("strong");
      code.textContent = d.code;
      const where = document.createElement("span");
      where.className = "where";
      where.textContent = ` ${d.line}:${d.col} `;
      const msg = document.createElement("span");
      msg.textContent = d.message;
      li.append(code, where, msg);
      li.addEventListener("click", () => {
        const pos = offsetOf(view.state.doc, d.line, d.col);
        view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
        view.focus();
      });
      listEl.append(li);
    }
  };

  const remoteLint = linter(async (v) => {
    const text = v.state.doc.toString();
    let data;
    try {
      data = await postJSON(opts.checkUrl, { path: opts.path, text }, opts.csrf);
    } catch (e) {
      if (status) status.textContent = opts.strings.offline;
      return [];
    }
    const diags = data.diagnostics || [];
    renderList(diags);
    if (status) status.textContent = data.summary || "";
    return diags.map((d) => {
      const from = offsetOf(v.state.doc, d.line, d.col);
      let to = offsetOf(v.state.doc, d.end_line || d.line, d.end_col || d.col + 1);
      if (to <= from) to = Math.min(from + 1, v.state.doc.length);
      const severity = d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "info";
      return { from, to, severity, source: d.code, message: d.message + (d.hint ? "\n" + d.hint : "") };
    });
  }, { delay: opts.delay || 300 });

  const hover = hoverTooltip(async (v, pos) => {
    const line = v.state.doc.lineAt(pos);
    let data;
    try {
      data = await postJSON(opts.hoverUrl, { path: opts.path, text: v.state.doc.toString(),
                                              line: line.number, col: pos - line.from + 1 }, opts.csrf);
    } catch (e) { return null; }
    if (!data || !data.text) return null;
    return {
      pos, above: true,
      create() {
        const dom = document.createElement("div");
        dom.className = "cm-plan-hover";
        dom.textContent = data.text;
        return { dom };
      },
    };
  });

  view = new EditorView({
    parent: el,
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        lineNumbers(), highlightActiveLineGutter(), history(), drawSelection(), highlightActiveLine(),
        bracketMatching(), highlightSelectionMatches(), lintGutter(), remoteLint, hover,
        planLanguage, syntaxHighlighting(planHighlight), EditorView.lineWrapping,
        keymap.of([indentWithTab, ...defaultKeymap, ...historyKeymap, ...searchKeymap]),
        EditorView.updateListener.of((u) => { if (u.docChanged) textarea.value = u.state.doc.toString(); }),
        // The search panel, go-to-line and findings list in the page's language (from the server's catalog).
        EditorState.phrases.of(opts.phrases || {}),
      ],
    }),
  });
  textarea.style.display = "none";
  el.planView = view;
  forceLinting(view);
  return view;
}

window.PlanEditor = { mount };
