// Standard-JSON front for solcjs (see solc-wrapper.sh). Imports resolve against --base-path and
// every --include-path, which is what native solc does for forge.
const fs = require('fs');
const path = require('path');
const [tools, ...args] = process.argv.slice(2);
const solc = require(path.join(tools, 'node_modules', 'solc'));

if (args.includes('--version')) {
  const v = solc.version().replace(/\.Emscripten.*/, '');
  process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${v}.Linux.g++\n`);
  process.exit(0);
}
const roots = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--base-path' || args[i] === '--include-path') roots.push(args[++i]);
}
roots.push(process.cwd());
function findImports(p) {
  for (const r of [...roots, '']) {
    const f = path.resolve(r, p);
    if (fs.existsSync(f)) return { contents: fs.readFileSync(f, 'utf8') };
  }
  return { error: 'File not found: ' + p };
}
const input = fs.readFileSync(0, 'utf8');
process.stdout.write(solc.compile(input, { import: findImports }));
