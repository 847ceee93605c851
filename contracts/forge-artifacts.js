// Turns forge's JSON artifacts into the .abi/.bin pairs web3j's wrapper generator reads.
// usage: node forge-artifacts.js <forge-out> <dest> Contract...
const fs = require('fs');
const path = require('path');
const [out, dest, ...names] = process.argv.slice(2);
fs.mkdirSync(dest, { recursive: true });
for (const name of names) {
  const art = JSON.parse(fs.readFileSync(path.join(out, name + '.sol', name + '.json'), 'utf8'));
  fs.writeFileSync(path.join(dest, name + '.abi'), JSON.stringify(art.abi));
  fs.writeFileSync(path.join(dest, name + '.bin'), art.bytecode.object.replace(/^0x/, ''));
}
