// The page's Web Worker: loads Pyodide (served from this site), unpacks the locked wheel set into
// site-packages (no micropip: each file is fetched with its SHA-256 as Subresource Integrity), then
// runs bridge.py, which runs the klachtregels command line on files in Pyodide's memory.
// Nothing is sent anywhere: every fetch below is a path on the page's own origin (answered by the
// service worker, sw.js, from its cache once the site has been visited).
"use strict";

importScripts("pyodide/pyodide.js");

let bridge = null;
let pyodide = null;
// The last check's register and options (in Pyodide's memory): the obligations are made from them.
let last = null;

function progress(code, params) {
  postMessage({ type: "progress", code: code, params: params || {} });
}

async function unpack(file, integrity, format, site) {
  const response = await fetch(file, { integrity: integrity });
  if (!response.ok) throw new Error("not found: " + file);
  pyodide.unpackArchive(await response.arrayBuffer(), format, { extractDir: site });
}

// The wheels, then the bytecode compiled at build time for the modules a run imports (pycache.zip,
// __pycache__ entries only: it must land after the wheels' sources).
async function install(manifest) {
  const site = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  const total = manifest.wheels.length + 1;
  let done = 0;
  const step = () => progress("WEB_PROGRESS_INSTALLING", { done: done++, total: total });
  step();
  await Promise.all(
    manifest.wheels.map((wheel) => unpack("wheels/" + wheel.file, wheel.integrity, "wheel", site).then(step)),
  );
  await unpack("pycache.zip", manifest.pycache_integrity, "zip", site);
  step();
}

async function init() {
  const started = performance.now();
  progress("WEB_PROGRESS_LOADING");
  const manifestResponse = fetch("manifest.json").then((r) => r.json());
  pyodide = await loadPyodide({ indexURL: "pyodide/", env: { TZ: "Europe/Amsterdam" } });
  const manifest = await manifestResponse;
  await install(manifest);
  const source = await (await fetch("bridge.py", { integrity: manifest.bridge_integrity })).text();
  pyodide.FS.mkdirTree("/work/in");
  pyodide.FS.writeFile("/work/bridge.py", source);
  pyodide.runPython("import sys; sys.path.insert(0, '/work')");
  bridge = pyodide.pyimport("bridge");
  postMessage({ type: "ready", ms: performance.now() - started, library: manifest.library_version });
}

const READABLE = ["csv", "tsv", "txt", "jsonl", "ndjson", "json", "xlsx"];

function registerPath(name) {
  const ext = (name.split(".").pop() || "").toLowerCase();
  return "/work/in/register." + (READABLE.includes(ext) ? ext : "csv");
}

function writeInput(file, path) {
  if (!file) return null;
  pyodide.FS.writeFile(path, new Uint8Array(file.bytes));
  return path;
}

function run(request) {
  const started = performance.now();
  progress("WEB_PROGRESS_CHECKING");
  for (const old of pyodide.FS.readdir("/work/in")) {
    if (old !== "." && old !== "..") pyodide.FS.unlink("/work/in/" + old);
  }
  const options = Object.assign({}, request.options);
  const register = writeInput(request.register, registerPath(request.register.name));
  options.org = writeInput(request.organisation, "/work/in/organisation.toml");
  options.policy = writeInput(request.policyFile, "/work/in/policy.toml") || options.policy;
  options.mapping = writeInput(request.mapping, "/work/in/mapping.toml");
  last = { register: register, options: options };
  const result = JSON.parse(bridge.run_json(register, JSON.stringify(options)));
  postMessage({ type: "result", id: request.id, result: result, ms: performance.now() - started });
}

function obligations(request) {
  const result = last
    ? JSON.parse(bridge.obligations_json(last.register, JSON.stringify(last.options), request.row))
    : { error: "no register" };
  postMessage({ type: "obligations", row: request.row, result: result });
}

function mapping(request) {
  const result = JSON.parse(bridge.mapping_toml(JSON.stringify(request.answers)));
  postMessage({ type: "mapping", result: result });
}

const ready = init().catch((error) => {
  postMessage({ type: "failed", message: String(error && error.message ? error.message : error) });
  throw error;
});

function organisation(request) {
  const result = JSON.parse(bridge.organisation_toml(JSON.stringify(request.values)));
  postMessage({ type: "organisation", result: result });
}

onmessage = async (event) => {
  await ready;
  try {
    const handlers = { organisation: organisation, mapping: mapping, obligations: obligations };
    (handlers[event.data.type] || run)(event.data);
  } catch (error) {
    postMessage({ type: "failed", id: event.data.id, message: String(error && error.message ? error.message : error) });
  }
};
