// Builds the browser assets vendored in src/plandsl/web/static/ (committed, so that a
// plandsl install needs neither node nor the internet):
//   editor.js  CodeMirror 6 with the plandsl highlighting, live diagnostics and hover
//   htmx.min.js copied from the htmx.org package
// Run from this folder: npm ci && npm run build
import { build } from "esbuild";
import { copyFileSync } from "node:fs";

const out = new URL("../src/plandsl/web/static/", import.meta.url).pathname;
await build({
  entryPoints: ["src/editor.js"],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  legalComments: "eof",
  outfile: out + "editor.js",
});
copyFileSync("node_modules/htmx.org/dist/htmx.min.js", out + "htmx.min.js");
console.log("built", out);
