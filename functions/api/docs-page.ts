import { Hono } from "hono";
import { DOCS_CSP } from "./security-headers.js";

/**
 * The API reference at /api/docs, made of nothing but this file: a page, a stylesheet and a small
 * script that reads /api/openapi.json and lays it out. It used to load Swagger UI from a CDN, unpinned:
 * blank offline, and third-party code running on the API's origin, next to the session cookie. The
 * script builds the page with textContent only, so nothing in the document is ever parsed as HTML.
 */

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Yanlian API</title>
<link rel="stylesheet" href="/api/docs/docs.css">
<script src="/api/docs/docs.js" defer></script>
</head>
<body>
<main id="docs" data-spec="/api/openapi.json"><p id="status">Loading the API reference… / 正在加载接口文档…</p></main>
<noscript>The reference needs JavaScript; the OpenAPI document itself is at /api/openapi.json. 接口文档需要 JavaScript；OpenAPI 文档本身在 /api/openapi.json。</noscript>
</body>
</html>
`;

const STYLE = `
:root { color-scheme: light dark; --line: #8884; --muted: #888; }
body { font: 15px/1.5 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; }
main { max-width: 64rem; margin: 0 auto; padding: 1.5rem; }
h1 { margin: 0 0 .25rem; } h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); }
.lead { color: var(--muted); margin-top: 0; }
details { border: 1px solid var(--line); border-radius: 6px; margin: .5rem 0; }
summary { cursor: pointer; padding: .5rem .75rem; display: flex; gap: .75rem; align-items: baseline; }
.op > div { padding: 0 .75rem .75rem; }
.method { font: 600 12px/1 ui-monospace, monospace; text-transform: uppercase; padding: .3rem .45rem;
  border-radius: 4px; min-width: 3.5rem; text-align: center; color: #fff; background: #555; }
.get { background: #1f6feb; } .post { background: #1a7f37; } .put { background: #9a6700; }
.patch { background: #8250df; } .delete { background: #cf222e; }
code, pre { font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, monospace; }
pre { background: #8881; padding: .5rem .75rem; border-radius: 4px; overflow-x: auto; white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .25rem .5rem;
  border-bottom: 1px solid var(--line); vertical-align: top; }
.muted { color: var(--muted); }
nav a { margin-right: .75rem; }
`;

/** Plain ES2017 for any browser; no template literals, so it sits in this template string untouched. */
const SCRIPT = `"use strict";
(function () {
  var zh = /^zh/i.test(navigator.language || "");
  var T = zh
    ? { params: "参数", body: "请求体", responses: "响应", name: "名称", where: "位置", required: "必填",
        type: "类型", yes: "是", no: "否", none: "无", failed: "接口文档加载失败：", raw: "OpenAPI 文档",
        other: "其他" }
    : { params: "Parameters", body: "Request body", responses: "Responses", name: "Name", where: "In",
        required: "Required", type: "Type", yes: "yes", no: "no", none: "none",
        failed: "The API reference could not be loaded: ", raw: "OpenAPI document", other: "other" };
  document.documentElement.lang = zh ? "zh-CN" : "en";
  var root = document.getElementById("docs");
  var specUrl = root.getAttribute("data-spec");

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) if (arguments[i]) parent.appendChild(arguments[i]);
    return parent;
  }

  function refName(ref) { return String(ref).split("/").pop(); }

  /** A schema as a short TypeScript-like text; a named schema is expanded once per line of descent. */
  function shape(spec, schema, depth, seen) {
    if (!schema || typeof schema !== "object") return "unknown";
    var pad = new Array(depth + 1).join("  ");
    if (schema.$ref) {
      var name = refName(schema.$ref);
      var target = (spec.components && spec.components.schemas || {})[name];
      if (!target || seen.indexOf(name) >= 0 || depth > 6) return name;
      return shape(spec, target, depth, seen.concat([name]));
    }
    var alts = schema.anyOf || schema.oneOf;
    if (alts) return alts.map(function (s) { return shape(spec, s, depth, seen); }).join(" | ");
    if (schema.allOf) return schema.allOf.map(function (s) { return shape(spec, s, depth, seen); }).join(" & ");
    if (schema.enum) return schema.enum.map(function (v) { return JSON.stringify(v); }).join(" | ");
    if (schema.const !== undefined) return JSON.stringify(schema.const);
    var type = Array.isArray(schema.type) ? schema.type.join(" | ") : schema.type;
    if (type === "array") return shape(spec, schema.items, depth, seen) + "[]";
    if (type === "object" || schema.properties) {
      var props = schema.properties || {};
      var keys = Object.keys(props);
      if (keys.length === 0) return schema.additionalProperties ? "{ [key: string]: " +
        shape(spec, schema.additionalProperties, depth, seen) + " }" : "object";
      var required = schema.required || [];
      var lines = keys.map(function (k) {
        return pad + "  " + k + (required.indexOf(k) >= 0 ? "" : "?") + ": " +
          shape(spec, props[k], depth + 1, seen);
      });
      return "{\\n" + lines.join("\\n") + "\\n" + pad + "}";
    }
    var text = type || "unknown";
    if (schema.format) text += " (" + schema.format + ")";
    return text;
  }

  function contentSchema(content) {
    if (!content) return null;
    var media = content["application/json"] || content[Object.keys(content)[0]];
    return media && media.schema ? media.schema : null;
  }

  function operation(spec, path, method, op) {
    var box = el("details", "op");
    var summary = add(el("summary"), el("span", "method " + method, method), el("code", "", path),
      el("span", "muted", op.summary || ""));
    var body = el("div");
    if (op.description) add(body, el("p", "", op.description));
    var params = op.parameters || [];
    add(body, el("h4", "", T.params));
    if (params.length === 0) add(body, el("p", "muted", T.none));
    else {
      var table = el("table");
      add(table, add(el("tr"), el("th", "", T.name), el("th", "", T.where), el("th", "", T.required),
        el("th", "", T.type)));
      params.forEach(function (p) {
        add(table, add(el("tr"), add(el("td"), el("code", "", p.name)), el("td", "", p["in"]),
          el("td", "", p.required ? T.yes : T.no), add(el("td"), el("code", "", shape(spec, p.schema, 0, [])))));
      });
      add(body, table);
    }
    var request = op.requestBody && contentSchema(op.requestBody.content);
    if (request) add(body, el("h4", "", T.body), el("pre", "", shape(spec, request, 0, [])));
    add(body, el("h4", "", T.responses));
    Object.keys(op.responses || {}).forEach(function (status) {
      var r = op.responses[status];
      add(body, add(el("p"), el("strong", "", status + " "), el("span", "", r.description || "")));
      var s = contentSchema(r.content);
      if (s && String(status).charAt(0) === "2") add(body, el("pre", "", shape(spec, s, 0, [])));
    });
    return add(box, summary, body);
  }

  function render(spec) {
    root.textContent = "";
    var info = spec.info || {};
    add(root, el("h1", "", (info.title || "API") + " " + (info.version || "")));
    if (info.description) add(root, el("p", "lead", info.description));
    var raw = el("a", "", T.raw);
    raw.href = specUrl;
    add(root, add(el("nav"), raw));
    var groups = {};
    var order = [];
    Object.keys(spec.paths || {}).forEach(function (path) {
      var item = spec.paths[path];
      ["get", "post", "put", "patch", "delete"].forEach(function (method) {
        var op = item[method];
        if (!op) return;
        var tag = (op.tags && op.tags[0]) || T.other;
        if (!groups[tag]) { groups[tag] = []; order.push(tag); }
        groups[tag].push(operation(spec, path, method, op));
      });
    });
    order.forEach(function (tag) {
      add(root, el("h2", "", tag));
      groups[tag].forEach(function (node) { add(root, node); });
    });
  }

  fetch(specUrl, { credentials: "same-origin" })
    .then(function (res) { if (!res.ok) throw new Error("HTTP " + res.status); return res.json(); })
    .then(render)
    .catch(function (err) {
      root.textContent = "";
      add(root, el("p", "", T.failed + (err && err.message ? err.message : String(err))));
    });
})();
`;

/** The reference's three routes, mounted at /api/docs: the page, its stylesheet and its script. */
export function docsRoutes() {
  const headers = (type: string) => ({
    "Content-Type": type,
    "Content-Security-Policy": DOCS_CSP,
    "Cache-Control": "no-cache",
  });
  return new Hono()
    .get("/", (c) => c.body(PAGE, 200, headers("text/html; charset=utf-8")))
    .get("/docs.css", (c) => c.body(STYLE, 200, headers("text/css; charset=utf-8")))
    .get("/docs.js", (c) => c.body(SCRIPT, 200, headers("text/javascript; charset=utf-8")));
}

export const DOCS_ASSETS = { page: PAGE, style: STYLE, script: SCRIPT };
