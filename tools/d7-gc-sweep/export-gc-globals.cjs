// Writes core-gc.wasm: the core with AssemblyScript's collector globals (and the stack pointer) added
// to its exports, nothing else changed, so a driver can read them and move the collector's next step.
// Usage: node export-gc-globals.cjs NPM_BUILD_DIR
//   NPM_BUILD_DIR: build/ of @devcycle/bucketing-assembly-script@1.32.0 (bucketing-lib.release.wasm and .wat)
const fs = require('fs');
const path = require('path');

const dir = process.argv[2];
if (!dir) throw new Error('usage: node export-gc-globals.cjs NPM_BUILD_DIR');
const wat = fs.readFileSync(path.join(dir, 'bucketing-lib.release.wat'), 'utf8');
const bin = fs.readFileSync(path.join(dir, 'bucketing-lib.release.wasm'));
// global indices follow declaration order in the text form (the core imports no globals)
const globals = [...wat.matchAll(/^ \(global (\S+)/gm)].map(m => m[1]);
const wanted = require('./gc-globals.cjs');

const leb = (n) => { const out = []; do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n); return out; };
const readLeb = (buf, pos) => { let r = 0, s = 0, b; do { b = buf[pos++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80); return [r >>> 0, pos]; };

const parts = [bin.subarray(0, 8)];
for (let pos = 8; pos < bin.length;) {
  const id = bin[pos];
  const [size, start] = readLeb(bin, pos + 1);
  const end = start + size;
  if (id === 7) { // the export section: its count, its entries, then ours
    const [count, entries] = readLeb(bin, start);
    const extra = [];
    for (const [name, global] of Object.entries(wanted)) {
      const index = globals.indexOf(global);
      if (index < 0) throw new Error('no global ' + global);
      extra.push(...leb(name.length), ...Buffer.from(name), 3, ...leb(index));
    }
    const body = Buffer.concat([Buffer.from(leb(count + Object.keys(wanted).length)), bin.subarray(entries, end), Buffer.from(extra)]);
    parts.push(Buffer.from([7, ...leb(body.length)]), body);
  } else {
    parts.push(bin.subarray(pos, end));
  }
  pos = end;
}
const out = Buffer.concat(parts);
new WebAssembly.Module(out); // still valid
fs.writeFileSync('core-gc.wasm', out);
console.log('wrote core-gc.wasm');
