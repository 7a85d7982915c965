// Material's own search worker, run in node over a built site: the query sets without a browser.
//
//   node tests/search_worker.js SITE_DIR < queries.json > results.json
//
// SITE_DIR is a built site (search/search_index.json) or an unpacked offline copy
// (search/search_index.js, "var __index = …"). The script loads the site's own files, exactly as
// the browser's worker does: the worker bundle (assets/javascripts/workers/search.*.min.js, which
// holds lunr), then through the worker's importScripts lunr.stemmer.support and lunr.nl (with the
// site's appendix, unchanged). It sends the worker the messages Material's page sends (SETUP with
// the index's config and docs, then one QUERY per query with the text as typed) and reads the
// messages it posts back, after the appendix's own post-processing. Each result is grouped as
// Material's page draws it (templates/search/index.tsx, renderSearchResultItem): the article
// (the group's entry without "#", else its last) first, then the group's other entries in order.
//
// stdin: a JSON list of queries; stdout: a JSON object query -> list of results
// {location, sections, title, text, docs: [{location, title, text}]}.
"use strict";

const fs = require("fs");
const path = require("path");
const url = require("url");
const vm = require("vm");

function loadIndex(site) {
  const json = path.join(site, "search", "search_index.json");
  if (fs.existsSync(json)) return JSON.parse(fs.readFileSync(json, "utf8"));
  const script = fs.readFileSync(path.join(site, "search", "search_index.js"), "utf8");
  const sandbox = {};
  vm.runInNewContext(script, sandbox);
  return sandbox.__index;
}

function workerFile(site) {
  const dir = path.join(site, "assets", "javascripts", "workers");
  const found = fs.readdirSync(dir).filter((name) => /^search\.[0-9a-f]+\.min\.js$/.test(name));
  if (found.length !== 1) throw new Error(`expected one search worker in ${dir}, found ${found}`);
  return path.join(dir, found[0]);
}

// The group as Material's page draws it: the article first, then the sections in order.
function asDrawn(group) {
  const docs = [...group];
  let parent = docs.findIndex((doc) => !String(doc.location).includes("#"));
  const [article] = docs.splice(parent, 1); // -1: the last entry, as Array.splice does in the page
  const pick = (doc) => ({ location: doc.location, title: doc.title || "", text: doc.text || "" });
  return {
    location: article.location,
    sections: docs.map((doc) => doc.location),
    title: article.title || "",
    text: article.text || "",
    docs: [article, ...docs].map(pick),
  };
}

async function main() {
  const site = process.argv[2];
  const queries = JSON.parse(fs.readFileSync(0, "utf8"));
  const worker = workerFile(site);
  const listeners = [];
  const posted = [];
  // A warning from the worker (lunr's, or "Invalid query", after which the worker answers with
  // no results) stops the run: the harness must not pass for a search that broke.
  const warnings = [];
  const context = {
    console: { log() {}, info() {}, debug() {}, warn: (...a) => warnings.push(a.map(String).join(" ")), error: (...a) => warnings.push(a.map(String).join(" ")) },
    setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, Promise,
    URL, TextEncoder, TextDecoder,
    location: url.pathToFileURL(worker), // a worker's own address, as in the browser
  };
  vm.createContext(context);
  const global = vm.runInContext("this", context);
  global.self = global;
  global.postMessage = (message) => posted.push(message);
  global.addEventListener = (type, fn) => { if (type === "message") listeners.push(fn); };
  // A worker's importScripts, relative to the worker file, run in the worker's global scope.
  global.importScripts = (...urls) => {
    for (const url of urls) {
      const file = path.resolve(path.dirname(worker), url);
      vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
    }
  };
  vm.runInContext(fs.readFileSync(worker, "utf8"), context, { filename: worker });
  if (listeners.length !== 1) throw new Error(`the worker registered ${listeners.length} message listeners`);

  // Each message is answered by exactly one postMessage (worker/main/index.ts); wait for it.
  async function send(message) {
    const before = posted.length;
    await listeners[0]({ data: message });
    for (let i = 0; posted.length === before && i < 1000; i++) await new Promise((r) => setImmediate(r));
    if (posted.length !== before + 1) throw new Error(`no single answer to ${JSON.stringify(message).slice(0, 80)}`);
    return posted[posted.length - 1];
  }

  const index = loadIndex(site);
  // SearchMessageType: SETUP 0, READY 1, QUERY 2, RESULT 3; options as the page sends them
  // (search.suggest is on in mkdocs.yml).
  const ready = await send({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: true } } });
  if (ready.type !== 1 || warnings.length) throw new Error(`the worker did not become ready: ${JSON.stringify(ready)}\n${warnings.join("\n")}`);
  const out = {};
  for (const query of queries) {
    const answer = await send({ type: 2, data: query });
    if (answer.type !== 3) throw new Error(`no result for ${query}`);
    out[query] = answer.data.items.map(asDrawn);
    if (warnings.length) throw new Error(`the worker warned at ${JSON.stringify(query)}:\n${warnings.join("\n")}`);
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((err) => {
  process.stderr.write(String(err && err.stack || err) + "\n");
  process.exit(1);
});
