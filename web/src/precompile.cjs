// Build step (scripts/build_web.py): run precompile.py in the site's own Pyodide under Node, with the
// site directory mounted at /site.   node precompile.cjs SITE_DIR precompile.py
"use strict";
const fs = require("fs");
const path = require("path");

async function main(site, script) {
  const { loadPyodide } = require(path.resolve(site, "pyodide", "pyodide.js"));
  const pyodide = await loadPyodide({ indexURL: path.resolve(site, "pyodide") + path.sep });
  pyodide.FS.mkdir("/site");
  pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: path.resolve(site) }, "/site");
  pyodide.runPython(fs.readFileSync(script, "utf8"));
}

main(process.argv[2], process.argv[3]).catch((error) => {
  console.error(error);
  process.exit(1);
});
