// The site's own parts of the editor at /admin/ (Decap CMS; README, "The editor").
//
// - Two file formats that write back exactly what they read: a page (front matter and
//   MyST) and practice.yaml. Opening a file and saving it without a change changes no
//   byte; a change rewrites only the lines of the fields that changed (the `yaml`
//   library keeps the rest, comments included). Decap's own formats would rewrite
//   the whole front matter and drop comments.
// - "myst": the page's text as plain text (MyST is not Markdown a rich-text editor
//   keeps), with an "Insert" toolbar for the site's own constructs.
// - A preview that shows those constructs readably, with a link to the exact page.
// - `make edit` (tools/edit.py) serves local.json: then the editor works on the
//   working copy through decap-server, on this same origin, with no sign-in.
import { Document, isMap, isScalar, isSeq, parseDocument, parse } from "./yaml/index.js";

const CMS = window.CMS;
const h = window.h;
const createClass = window.createClass;
const SOURCE = "_source"; // the file as read: what is compared with, and kept
const data = await (await fetch("editor-data.json")).json();
const local = await fetch("local.json")
  .then((response) => (response.ok ? response.json() : null))
  .catch(() => null);

// ---- Pages: front matter, "# Title", text --------------------------------------

function readPage(text) {
  let front = "";
  let rest = text;
  if (text.startsWith("---\n")) {
    const end = text.indexOf("\n---\n", 3);
    const endAtFileEnd = text.endsWith("\n---") ? text.length - 3 : -1;
    const close = end >= 0 ? end : endAtFileEnd;
    if (close >= 0) {
      front = text.slice(4, close + 1);
      rest = text.slice(Math.min(close + 5, text.length));
    }
  }
  const heading = /^# (.*)\n(\n)?/m.exec(rest);
  const lead = heading ? rest.slice(0, heading.index) : "";
  const values = parse(front || "{}") || {};
  return {
    front,
    lead,
    headingText: heading ? heading[0] : "",
    title: heading ? heading[1].trim() : "",
    body: heading ? rest.slice(heading.index + heading[0].length) : rest,
    values,
  };
}

const PAGE_FIELDS = {
  kind: (values) => values.kind,
  description: (values) => values.description,
  card: (values) => values.card,
  audience: (values) =>
    typeof values.audience === "string"
      ? values.audience.split(",").map((part) => part.trim())
      : values.audience,
  related: (values) => values.related,
  draft: (values) => values.status === "draft",
};

function pageFromFile(text) {
  const page = readPage(text);
  const entry = { title: page.title, body: page.body, [SOURCE]: text };
  for (const [name, read] of Object.entries(PAGE_FIELDS)) {
    const value = read(page.values);
    if (value !== undefined && value !== null) entry[name] = value;
  }
  return entry;
}

function newPage(kind, title) {
  return data.templates[kind].replace(data.titleMark, title || "");
}

function plain(value) {
  // What counts as "no change": an empty text, an empty list and nothing are alike.
  if (value === undefined || value === null || value === "") return null;
  if (Array.isArray(value)) return value.length ? JSON.stringify(value) : null;
  if (typeof value === "object") return JSON.stringify(value);
  return value;
}

function setValue(doc, path, value) {
  const old = doc.getIn(path, true);
  if (plain(value) === null && !(typeof value === "boolean")) {
    if (old !== undefined && !(Array.isArray(value) && old && old.items)) doc.deleteIn(path);
    else if (old && old.items) doc.setIn(path, keepStyle(doc, old, []));
    return;
  }
  doc.setIn(path, keepStyle(doc, old, value));
}

function keepStyle(doc, old, value) {
  const node = doc.createNode(value);
  if (old && typeof old === "object" && "flow" in old && node && typeof node === "object") {
    node.flow = old.flow;
  }
  return node;
}

function scalarText(old, value, column) {
  // ``value`` written as YAML in the old scalar's style, for the place the old one held.
  const doc = new Document({ x: value });
  const node = doc.get("x", true);
  if (typeof value === "string" && old.type && (old.type !== "PLAIN" || !value.includes("\n"))) {
    node.type = old.type;
  }
  const text = doc.toString({ lineWidth: 0 }).replace(/^x: ?/, "").replace(/\n$/, "");
  return text
    .split("\n")
    .map((line, i) => (i && line ? " ".repeat(column) + line : line))
    .join("\n");
}

function lineStartOf(source, at) {
  return source.lastIndexOf("\n", at - 1) + 1;
}

function lineEndOf(source, at) {
  // The start of the line after the one holding ``at`` (a block text ends with its newline).
  if (source[at - 1] === "\n") return at;
  const end = source.indexOf("\n", at);
  return end < 0 ? source.length : end + 1;
}

function splice(source, doc, path, value) {
  // [start, end, text] that makes this one edit in place, or null when it cannot.
  const old = doc.getIn(path, true);
  const simple = ["string", "number", "boolean"].includes(typeof value) && value !== "";
  if (simple && isScalar(old) && old.range) {
    const column = /^[\s-]*/.exec(source.slice(lineStartOf(source, old.range[0])))[0].length;
    const [start, end] = old.range;
    let text = scalarText(old, value, column);
    if (source.slice(start, end).endsWith("\n") && !text.endsWith("\n")) text += "\n";
    return [start, end, text];
  }
  const texts = Array.isArray(value) && value.every((item) => typeof item === "string");
  if (texts && isSeq(old) && old.range && (old.flow || value.length)) {
    // A list of texts: the list's own lines, in its own style.
    const [start, end] = old.range;
    const column = start - lineStartOf(source, start);
    let text;
    if (old.flow) {
      const list = new Document(value);
      list.contents.flow = true;
      text = list.toString({ lineWidth: 0 }).replace(/\n$/, "");
    } else {
      text = value
        .map((item, i) => `${i ? " ".repeat(column) : ""}- ${scalarText(old.items[i] || {}, item, column + 2)}`)
        .join("\n");
    }
    if (source.slice(start, end).endsWith("\n")) text += "\n";
    return [start, end, text];
  }
  const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  if (!isMap(parent) || !parent.items.length || !parent.items[0].key?.range) return null;
  const key = path[path.length - 1];
  const pair = parent.items.find((item) => item.key?.value === key);
  if (simple && old === undefined) {
    // A new field: one line at the end of its group, lined up with the group's first.
    const first = parent.items[0].key.range[0];
    const column = first - lineStartOf(source, first);
    const last = parent.items[parent.items.length - 1];
    const at = lineEndOf(source, (last.value ?? last.key).range[1]);
    const text = `${" ".repeat(column)}${key}: ${scalarText({}, value, column)}\n`;
    return [at, at, source[at - 1] === "\n" || at === 0 ? text : `\n${text}`];
  }
  if (plain(value) === null && typeof value !== "boolean" && pair && isScalar(pair.value) && pair.value.range) {
    // A field emptied: its lines go, unless it shares a line with a list's dash.
    const start = lineStartOf(source, pair.key.range[0]);
    if (source.slice(start, pair.key.range[0]).trim()) return null;
    return [start, lineEndOf(source, pair.value.range[1]), ""];
  }
  return null;
}

function editYaml(source, edits) {
  // Each [path, value] of ``edits`` applied to the YAML text ``source``. A changed,
  // added or emptied text, number or flag changes only its own line or characters, so
  // every other byte (comments, blank lines, the line breaks of a folded text) stays
  // as it was. Other changes (a list's items, a group) rewrite the document (comments
  // kept, not the layout).
  const doc = parseDocument(source);
  const spliced = edits.map(([path, value]) => splice(source, doc, path, value));
  const structural = spliced.includes(null);
  if (structural) {
    for (const [path, value] of edits) setValue(doc, path, value);
    return doc.toString({ lineWidth: 0 });
  }
  let text = source;
  for (const [start, end, replacement] of spliced.sort((a, b) => b[0] - a[0] || b[1] - a[1])) {
    text = text.slice(0, start) + replacement + text.slice(end);
  }
  return text;
}

function pageToFile(entry) {
  const source = entry[SOURCE] ?? newPage(entry.kind, entry.title);
  const page = readPage(source);
  const before = pageFromFile(source);
  let front = page.front;
  const changed = Object.keys(PAGE_FIELDS).filter(
    (name) => name in entry && plain(entry[name]) !== plain(before[name]),
  );
  if (changed.length) {
    front = editYaml(
      front,
      changed.map((name) =>
        name === "draft" ? [["status"], entry.draft ? "draft" : null] : [[name], entry[name]],
      ),
    );
  }
  const title = (entry.title ?? page.title).trim();
  const heading =
    title === page.title && page.headingText
      ? page.headingText
      : title
        ? `# ${title}\n${page.headingText.endsWith("\n\n") || !page.headingText ? "\n" : ""}`
        : "";
  const body = entry.body ?? page.body;
  return `${front || page.front ? `---\n${front}---\n` : ""}${page.lead}${heading}${body}`;
}

CMS.registerCustomFormat("practice-page", "md", {
  fromFile: pageFromFile,
  toFile: pageToFile,
});

// ---- practice.yaml ---------------------------------------------------------------

let practiceSource = ""; // Decap keeps no extra field of a file collection's entry

function practiceFromFile(text) {
  practiceSource = text;
  return { ...(parse(text) || {}), [SOURCE]: text };
}

function changedPaths(before, after, path = []) {
  // The leaves (texts, numbers, flags, lists of texts) that differ.
  if (
    before &&
    after &&
    typeof before === "object" &&
    typeof after === "object" &&
    !Array.isArray(after) === !Array.isArray(before) &&
    (!Array.isArray(after) || after.length === before.length)
  ) {
    if (Array.isArray(after) && after.every((item) => typeof item !== "object")) {
      return plain(after) === plain(before) ? [] : [path];
    }
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys]
      .filter((key) => key !== SOURCE && key in after)
      .flatMap((key) => changedPaths(before[key], after[key], [...path, Array.isArray(after) ? Number(key) : key]));
  }
  return plain(before) === plain(after) && typeof before === typeof after ? [] : [path];
}

function practiceToFile(entry) {
  const source = entry[SOURCE] ?? practiceSource;
  const paths = changedPaths(parse(source) || {}, entry);
  if (!paths.length) return source;
  return editYaml(
    source,
    paths.map((path) => [path, path.reduce((value, part) => value?.[part], entry)]),
  );
}

CMS.registerCustomFormat("practice-yaml", "yml", {
  fromFile: practiceFromFile,
  toFile: practiceToFile,
});

// ---- The page's text, with its "Insert" toolbar -------------------------------------

function pageFolder(props) {
  const path = props.entry?.get("path");
  if (path) return path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
  const folder = props.collection?.get("folder") || "";
  return folder === "." ? "" : folder;
}

function relativeLink(fromFolder, docname) {
  const from = fromFolder ? fromFolder.split("/") : [];
  const to = `${docname}.md`.split("/");
  while (from.length && to.length > 1 && from[0] === to[0]) {
    from.shift();
    to.shift();
  }
  return [...from.map(() => ".."), ...to].join("/");
}

function practiceKeys(values, prefix = "") {
  return Object.entries(values).flatMap(([key, value]) => {
    if (["example", "es", "clinicians"].includes(key)) return [];
    if (value && typeof value === "object" && !Array.isArray(value)) {
      return practiceKeys(value, `${prefix}${key}.`);
    }
    return typeof value === "string" && value ? [`${prefix}${key}`] : [];
  });
}

const CARD = `:::{card} A short title
Write the card's text here: two or three short sentences.
:::
`;

function insertions(folder) {
  return [
    {
      label: "Glossary word",
      hint: "A word from the glossary, linked to its meaning",
      choices: data.terms.map((term) => [term, `{term}\`${term}\``]),
    },
    {
      label: "Link to a page",
      hint: "A link to another page of the site",
      choices: data.pages.map((page) => [page.title, `[${page.title}](${relativeLink(folder, page.docname)})`]),
    },
    {
      label: "Practice detail",
      hint: "A detail from practice.yaml, such as the phone number, kept up to date",
      choices: practiceKeys(data.practice).map((key) => [key.replace(/[._]/g, " "), `{practice}\`${key}\``]),
    },
  ];
}

const MystControl = createClass({
  insert(text, block) {
    const box = this.box;
    const value = this.props.value || "";
    const start = box ? box.selectionStart : value.length;
    const end = box ? box.selectionEnd : value.length;
    let before = value.slice(0, start);
    if (block && before && !before.endsWith("\n\n")) before += before.endsWith("\n") ? "\n" : "\n\n";
    const next = before + text + value.slice(end);
    this.props.onChange(next);
    const cursor = before.length + text.length;
    requestAnimationFrame(() => {
      if (!this.box) return;
      this.box.focus();
      this.box.setSelectionRange(cursor, cursor);
    });
  },
  render() {
    const folder = pageFolder(this.props);
    const menus = insertions(folder).map((menu) =>
      h(
        "select",
        {
          key: menu.label,
          className: "myst-insert",
          "aria-label": `Insert: ${menu.label}`,
          title: menu.hint,
          value: "",
          onChange: (event) => {
            if (event.target.value) this.insert(event.target.value, false);
            event.target.value = "";
          },
        },
        h("option", { value: "" }, `Insert: ${menu.label}…`),
        ...menu.choices.map(([label, text]) => h("option", { key: text, value: text }, label)),
      ),
    );
    return h(
      "div",
      { className: "myst-editor" },
      h(
        "div",
        { className: "myst-toolbar", role: "toolbar", "aria-label": "Insert into the page" },
        ...menus,
        h(
          "button",
          { type: "button", className: "myst-insert", onClick: () => this.insert(CARD, true) },
          "Insert: Card",
        ),
      ),
      h("textarea", {
        id: this.props.forID,
        className: `myst-text ${this.props.classNameWrapper || ""}`,
        value: this.props.value || "",
        spellCheck: true,
        rows: 28,
        ref: (box) => {
          this.box = box;
        },
        onChange: (event) => this.props.onChange(event.target.value),
        onFocus: this.props.setActiveStyle,
        onBlur: this.props.setInactiveStyle,
      }),
    );
  },
});

// ---- The preview: the site's constructs, readable -----------------------------------

const escape = (text) =>
  String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

function lookup(key) {
  return key.split(".").reduce((value, part) => (value && typeof value === "object" ? value[part] : undefined), data.practice);
}

function inline(text) {
  return escape(text)
    .replace(/\{term\}`([^`<]*?)(?: &lt;([^`]*)&gt;)?`/g, (_m, shown) => `<dfn>${shown}</dfn>`)
    .replace(/\{practice\}`([^`<]*?) &lt;([^`]*)&gt;`/g, (_m, shown) => `<a>${shown}</a>`)
    .replace(/\{practice\}`([^`]*)`/g, (_m, key) => `<span class="value">${escape(lookup(key.trim()) ?? `(${key})`)}</span>`)
    .replace(/\{(\w[\w-]*)\}`([^`]*)`/g, (_m, _role, text) => text)
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, (_m, shown) => `<a>${shown}</a>`)
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|\W)[*_]([^*_]+)[*_](?=\W|$)/g, "$1<em>$2</em>");
}

const DIRECTIVE_NOTES = {
  "crisis-lines": "The crisis lines (988, 911 and the others) appear here, as on every page.",
  "practice-facts": "The practice's details (fees, where we meet, ...) appear here.",
};

function render(text) {
  const lines = text.split("\n");
  const out = [];
  let paragraph = [];
  let list = [];
  const flush = () => {
    if (paragraph.length) out.push(`<p>${inline(paragraph.join(" "))}</p>`);
    if (list.length) out.push(`<ul>${list.map((item) => `<li>${inline(item)}</li>`).join("")}</ul>`);
    paragraph = [];
    list = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^(`{3,}|:{3,})\{([\w-]+)\}\s*(.*)$/.exec(line);
    if (fence) {
      flush();
      const inner = [];
      const close = new RegExp(`^${fence[1][0]}{${fence[1].length}}\\s*$`);
      for (i++; i < lines.length && !close.test(lines[i]); i++) {
        if (!/^:[\w-]+:/.test(lines[i])) inner.push(lines[i]);
      }
      const name = fence[2];
      const note = DIRECTIVE_NOTES[name];
      out.push(
        `<div class="block ${escape(name)}">${
          fence[3] ? `<p class="block-title">${inline(fence[3])}</p>` : ""
        }${note ? `<p class="note">${escape(note)}</p>` : render(inner.join("\n"))}</div>`,
      );
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      const level = Math.min(heading[1].length + 1, 6);
      out.push(`<h${level}>${inline(heading[2])}</h${level}>`);
    } else if (/^\s*[-*]\s+/.test(line)) {
      if (paragraph.length) flush();
      list.push(line.replace(/^\s*[-*]\s+/, ""));
    } else if (/^\s+\S/.test(line) && list.length) {
      list[list.length - 1] += ` ${line.trim()}`;
    } else if (!line.trim() || /^\([\w-]+\)=$/.test(line)) {
      flush();
    } else {
      if (list.length) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return out.join("\n");
}

function previewLink(entry, collection) {
  const slug = entry.get("slug");
  const path = entry.get("path") || "";
  const docname = path ? path.replace(/\.md$/, "") : [collection.get("folder"), slug].filter((p) => p && p !== ".").join("/");
  if (local) {
    return h(
      "p",
      { className: "where" },
      "This preview is a sketch. Save, then see the exact page in the ",
      h("a", { href: `${local.preview}${docname}.html`, target: "_blank", rel: "noopener" }, "live preview"),
      ".",
    );
  }
  return h(
    "p",
    { className: "where" },
    "This preview is a sketch. The exact page is in the preview of your change: use “View preview” above, once it is ready.",
  );
}

const PagePreview = createClass({
  render() {
    const entry = this.props.entry;
    return h(
      "article",
      { className: "page" },
      previewLink(entry, this.props.collection),
      h("h1", null, entry.getIn(["data", "title"]) || ""),
      h("div", { dangerouslySetInnerHTML: { __html: render(entry.getIn(["data", "body"]) || "") } }),
    );
  },
});

const MystPreview = createClass({
  render() {
    return h("div", { dangerouslySetInnerHTML: { __html: render(this.props.value || "") } });
  },
});

CMS.registerWidget("myst", MystControl, MystPreview);
for (const kind of Object.keys(data.templates)) CMS.registerPreviewTemplate(kind, PagePreview);
CMS.registerPreviewStyle("preview.css");

const config = { ...data.config };
if (local) {
  config.local_backend = { url: `${location.origin}/api/v1`, allowed_hosts: [location.hostname] };
  config.publish_mode = "simple";
}
CMS.init({ config });

// For the tests and for the curious: the format's functions, as the editor uses them.
window.practiceEditor = { pageFromFile, pageToFile, practiceFromFile, practiceToFile, render };
