// The page's recipe under Node, where no browser is installed (tests/web/test_node_smoke.py).
//   node smoke.cjs SITE_DIR HOST_DIR REQUEST.json
// Loads the site's own Pyodide, unpacks the site's wheels and pycache.zip into site-packages with
// pyodide.unpackArchive, checking each file's Subresource Integrity from manifest.json (as the Web
// Worker does, worker.js), loads bridge.py, and runs the requests on files of HOST_DIR (mounted at
// /host). Prints one JSON object: the answer to each request, by name.
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

function read(site, name, integrity) {
  const bytes = fs.readFileSync(path.join(site, name));
  const [algorithm, digest] = integrity.split("-", 2);
  if (crypto.createHash(algorithm).update(bytes).digest("base64") !== digest) {
    throw new Error("integrity mismatch: " + name);
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length); // Pyodide takes no Buffer
}

async function main(site, host, requestFile) {
  const manifest = JSON.parse(fs.readFileSync(path.join(site, "manifest.json"), "utf8"));
  const { loadPyodide } = require(path.resolve(site, "pyodide", "pyodide.js"));
  const pyodide = await loadPyodide({ indexURL: path.resolve(site, "pyodide") + path.sep, env: { TZ: "Europe/Amsterdam" } });
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  for (const wheel of manifest.wheels) {
    pyodide.unpackArchive(read(site, "wheels/" + wheel.file, wheel.integrity), "wheel", { extractDir: sitePackages });
  }
  pyodide.unpackArchive(read(site, "pycache.zip", manifest.pycache_integrity), "zip", { extractDir: sitePackages });
  pyodide.FS.mkdirTree("/work");
  pyodide.FS.writeFile("/work/bridge.py", read(site, "bridge.py", manifest.bridge_integrity));
  pyodide.FS.mkdir("/host");
  pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: path.resolve(host) }, "/host");
  pyodide.runPython("import sys; sys.path.insert(0, '/work')");
  const bridge = pyodide.pyimport("bridge");
  const request = JSON.parse(fs.readFileSync(requestFile, "utf8"));
  const out = {};
  for (const [name, job] of Object.entries(request)) {
    const options = JSON.stringify(job.options || {});
    if (job.kind === "run") out[name] = JSON.parse(bridge.run_json(job.register, options));
    else if (job.kind === "obligations") out[name] = JSON.parse(bridge.obligations_json(job.register, options, job.row));
    else if (job.kind === "mapping") out[name] = JSON.parse(bridge.mapping_toml(JSON.stringify(job.answers)));
    else if (job.kind === "organisation") out[name] = JSON.parse(bridge.organisation_toml(JSON.stringify(job.values)));
    else throw new Error("unknown request kind: " + job.kind);
  }
  process.stdout.write(JSON.stringify(out));
}

main(process.argv[2], process.argv[3], process.argv[4]).catch((error) => {
  console.error(error);
  process.exit(1);
});
