// Writes the "-d7fix" build of a core: DevCycle's shipped bucketing-lib.release.wasm with the store
// immediates of the misplaced shadow-stack spills changed, nothing else (README.md, "A fixed build").
//   D7, DVCUser.fromPBUser (1.32.0 and 1.42.8): the privateCustomData argument is spilled to SP+68,
//       over the customData object held there; moved to SP+72.
//   D8, SDKVariable#toProtobuf (1.42.8): the evalReason NullableString is spilled to SP+52 and that
//       slot is overwritten at once by the next spill; moved to SP+72, which the function writes only
//       after the SDKVariable_PB it is passed to has been built.
// Each site is found by its exact byte sequence, which must occur once; a core without the D8 code
// (1.32.0) is patched for D7 only. The output's sha256 is printed for the vendored README.
// Usage: node patch-core.cjs SHIPPED_WASM OUT_WASM
const fs = require('fs');
const crypto = require('crypto');

const [input, output] = process.argv.slice(2);
if (!output) throw new Error('usage: node patch-core.cjs SHIPPED_WASM OUT_WASM');
const wasm = Buffer.from(fs.readFileSync(input));

// i32.store align=2 offset=N is 36 02 N (N < 128: one LEB byte); global.get SP is 23 <SP global>
const SITES = [
  { name: 'D7 DVCUser.fromPBUser', optional: false, // ... i32.store 68 ; global.get SP ; local.get 11 ; i32.store 68 ; local.get 11 ; call
    pattern: /\x36\x02\x44\x23[\s\S]\x20\x0b\x36\x02\x44\x20\x0b\x10/g, at: 9, from: 68, to: 72 },
  { name: 'D8 SDKVariable#toProtobuf', optional: true, // local.set X ; global.get SP ; local.get X ; i32.store 52 ; global.get SP ; local.get 0 ; i32.store 52
    pattern: /\x21([\s\S])\x23\x00\x20\1\x36\x02\x34\x23\x00\x20\x00\x36\x02\x34/g, at: 8, from: 52, to: 72 },
];
const text = wasm.toString('latin1');
for (const site of SITES) {
  const found = [...text.matchAll(site.pattern)].map(m => m.index);
  if (found.length === 0 && site.optional) { console.log(`${site.name}: not in this core`); continue; }
  if (found.length !== 1) throw new Error(`${site.name}: expected one match, found ${found.length}`);
  const offset = found[0] + site.at;
  if (wasm[offset] !== site.from) throw new Error(`${site.name}: byte ${offset} is ${wasm[offset]}, not ${site.from}`);
  wasm[offset] = site.to;
  console.log(`${site.name}: byte ${offset} (0x${offset.toString(16)}) ${site.from} -> ${site.to}`);
}
new WebAssembly.Module(wasm); // still valid
fs.writeFileSync(output, wasm);
console.log(`wrote ${output}, sha256 ${crypto.createHash('sha256').update(wasm).digest('hex')}`);
