// Prints every instruction in which two builds of a core differ (wabt's text of each, line by line),
// with the function and the instructions before it: shows that a "-d7fix" build (patch-core.cjs)
// changes only the store offsets it names. Usage: node wasmdiff.cjs ORIGINAL_WASM PATCHED_WASM
const fs = require('fs');
(async () => {
  const wabt = await require('wabt')();
  const text = (f) => { const m = wabt.readWasm(fs.readFileSync(f), { readDebugNames: false, mutable_globals: true, bulk_memory: true, sign_extension: true, sat_float_to_int: true, multi_value: true, reference_types: true, simd: true }); return m.toText({}).split('\n'); };
  const [a, b] = [text(process.argv[2]), text(process.argv[3])];
  if (a.length !== b.length) throw new Error('line counts differ');
  let fn = '';
  for (let i = 0; i < a.length; i++) {
    if (a[i].startsWith('  (func ')) fn = a[i].trim().split(' ').slice(0, 2).join(' ');
    if (a[i] !== b[i]) console.log(`line ${i + 1} in ${fn}:\n  - ${a[i].trim()}\n  + ${b[i].trim()}\n    (after: ${a.slice(i - 6, i).map(l => l.trim()).join(' ; ')})`);
  }
})();
