// Writes core-instr.wasm: the core's text form reassembled with wabt, with
//  - the collector's globals exported under the names in gc-globals.cjs (as export-gc-globals.cjs),
//  - env.hook_new(size, classId) called on entry to every __new, before it allocates,
//  - env.hook_free(ptr) called where the collector's sweep frees an object; a non-zero answer keeps
//    the block from being freed (stress.cjs uses it to quarantine blocks).
// With --patched it writes core-instr-patched.wasm instead: the same, plus one change in
// DVCUser.fromPBUser (see README.md): the privateCustomData argument is spilled to shadow-stack slot
// SP+72 instead of SP+68, so it no longer overwrites the customData result held there.
// Usage: node instrument.cjs NPM_BUILD_DIR [--patched]
//   NPM_BUILD_DIR: build/ of @devcycle/bucketing-assembly-script@1.32.0 (bucketing-lib.release.wat)
const fs = require('fs');
const path = require('path');

const [dir, option] = process.argv.slice(2);
if (!dir || (option && option !== '--patched')) throw new Error('usage: node instrument.cjs NPM_BUILD_DIR [--patched]');
const patched = option === '--patched';
const lines = fs.readFileSync(path.join(dir, 'bucketing-lib.release.wat'), 'utf8').split('\n');
const globals = require('./gc-globals.cjs');
const NEW = ' (func $~lib/rt/itcms/__new (param $0 i32) (param $1 i32) (result i32)';
const SP = '  global.get $~lib/memory/__stack_pointer';
const GET_OBJ = '  call $assembly/types/dvcUser/getJSONObjFromPBCustomData';

// fromPBUser's two getJSONObjFromPBCustomData calls: the first result ($8) is stored to SP+68, then the
// second call's argument ($11) is stored to the same slot before that call runs
function patchSite() {
  const start = lines.findIndex(l => l.startsWith(' (func $assembly/types/dvcUser/DVCUser.fromPBUser '));
  const expected = [GET_OBJ, '  local.set $8', SP, '  local.get $8', '  i32.store $0 offset=68',
    SP, '  local.get $11', '  i32.store $0 offset=68', '  local.get $11', GET_OBJ];
  for (let i = start + 1; start > 0 && i < lines.length && !lines[i].startsWith(' (func '); i++) {
    if (expected.every((e, j) => lines[i + j] === e)) return i + 7;
  }
  throw new Error('fromPBUser store not found: not the 1.32.0 text form?');
}
// core 1.42.8 only: SDKVariable#toProtobuf stores the evalReason NullableString ($6) to SP+52 and
// overwrites that slot at once with the variable ($0), so $6 is unrooted while the _feature
// NullableString and the SDKVariable_PB are allocated; moved to SP+72, written only after them
function answerSite() {
  const start = lines.findIndex(l => l.startsWith(' (func $assembly/types/bucketedUserConfig/SDKVariable#toProtobuf '));
  if (start < 0) return -1;
  const ind = '   ', sp = ind + 'global.get $~lib/memory/__stack_pointer';
  const expected = [ind + 'call $assembly/types/protobuf-generated/NullableString/NullableString#constructor',
    ind + 'local.set $6', sp, ind + 'local.get $6', ind + 'i32.store $0 offset=52', sp, ind + 'local.get $0',
    ind + 'i32.store $0 offset=52'];
  for (let i = start + 1; i < lines.length && !lines[i].startsWith(' (func '); i++) {
    if (expected.every((e, j) => lines[i + j] === e)) return i + 4;
  }
  throw new Error('SDKVariable#toProtobuf store not found');
}
const patchAt = patched ? patchSite() : -1;
const patchAnswerAt = patched ? answerSite() : -1;

const out = [];
let inStep = false, sweepFrees = 0;
lines.forEach((line, i) => {
  if (line.startsWith(' (func ')) inStep = line.startsWith(' (func $~lib/rt/itcms/step ');
  if (i === patchAt) {
    out.push(line.replace('offset=68', 'offset=72'));
  } else if (i === patchAnswerAt) {
    out.push(line.replace('offset=52', 'offset=72'));
  } else if (inStep && line.trim() === 'call $~lib/rt/tlsf/__free') {
    out.push(line.replace('$~lib/rt/tlsf/__free', '$d7/sweep_free')); sweepFrees++;
  } else if (line === NEW) {
    out.push(line.replace('$~lib/rt/itcms/__new', '$d7/__new'));
  } else if (line.startsWith(' (import "env" "seed"')) {
    out.push(line,
      ' (import "env" "hook_new" (func $d7/hook_new (param i32 i32)))',
      ' (import "env" "hook_free" (func $d7/hook_free (param i32) (result i32)))');
  } else if (line.startsWith(' (export "memory"')) {
    out.push(line, ...Object.entries(globals).map(([name, g]) => ` (export "${name}" (global ${g}))`),
      NEW,
      '  local.get $0', '  local.get $1', '  call $d7/hook_new',
      '  local.get $0', '  local.get $1', '  call $d7/__new', ' )',
      ' (func $d7/sweep_free (param $0 i32)',
      '  local.get $0', '  call $d7/hook_free', '  if', '   return', '  end',
      '  local.get $0', '  call $~lib/rt/tlsf/__free', ' )');
  } else {
    out.push(line);
  }
});
if (sweepFrees !== 1) throw new Error('expected one __free call in the collector step, found ' + sweepFrees);

// binaryen's names hold characters wabt rejects (',', '"', '<', ...): map them to '_' outside data segments
const ok = /^[A-Za-z0-9!#$%&'*+\-./:<=>?@\\^_`|~]+$/;
const renamed = new Map(), used = new Set();
const rename = (name) => {
  if (ok.test(name)) return name;
  if (!renamed.has(name)) {
    let n = name.replace(/[^A-Za-z0-9!#$%&'*+\-./:<=>?@\\^_`|~]/g, '_');
    while (used.has(n)) n += '_';
    used.add(n);
    renamed.set(name, n);
  }
  return renamed.get(name);
};
const text = out.map(l => l.startsWith(' (data ') ? l : l.replace(/\$[^\s()]+/g, rename)).join('\n');

(async () => {
  const wabt = await require('wabt')();
  // multi_memory only so that wabt accepts binaryen's explicit memory index ('i32.load $0'); there is one memory
  const m = wabt.parseWat('core.wat', text, { mutable_globals: true, bulk_memory: true, sign_extension: true,
    sat_float_to_int: true, multi_value: true, reference_types: true, simd: true, multi_memory: true });
  m.resolveNames();
  m.validate();
  // the names section lets stress.cjs name the function that allocates from a JS stack trace
  const { buffer } = m.toBinary({ write_debug_names: true });
  new WebAssembly.Module(buffer);
  const file = patched ? 'core-instr-patched.wasm' : 'core-instr.wasm';
  fs.writeFileSync(file, Buffer.from(buffer));
  console.log(`wrote ${file} (${buffer.length} bytes)` + (patched ? `; fromPBUser store at wat line ${patchAt + 1} now at SP+72` : ''));
})();
