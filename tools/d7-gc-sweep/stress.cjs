// D7 without depending on where the collector happens to step: one lookup on a fresh instance of the
// instrumented core (instrument.cjs) with full collections forced at the entry of its allocations.
// AssemblyScript's runtime must survive a collection there (every live object is reachable from a
// global, a pinned object or the shadow stack), so any difference from the unforced answer is a bug.
// Blocks the collector frees are poisoned (0xFB), and blocks freed during the lookup are never reused,
// so a use after free always shows. Modes:
//   every: a full collection before every allocation of the lookup (one run per case)
//   k:     a full collection before the k-th allocation only, for each k (one fresh instance per k);
//          names the function that was allocating at each failing k
// Cases: a few users x protobuf / JSON entry point x core-instr.wasm / core-instr-patched.wasm.
// Usage: node stress.cjs NPM_BUILD_DIR PROTO_FILE SEQUENCE_JSON [every|k] [CASE_REGEX]
//   run `node instrument.cjs NPM_BUILD_DIR` and `node instrument.cjs NPM_BUILD_DIR --patched` here first
const fs = require('fs');
const path = require('path');
const protobuf = require('protobufjs');

const [dir, protoFile, sequenceFile] = process.argv.slice(2);
const MODE = process.argv[5] || 'every';
const FILTER = new RegExp(process.argv[6] || '');
if (!sequenceFile || !['every', 'k'].includes(MODE)) {
  throw new Error('usage: node stress.cjs NPM_BUILD_DIR PROTO_FILE SEQUENCE_JSON [every|k] [CASE_REGEX]');
}
const loader = require(path.resolve(dir, 'bucketing-lib.release.js'));
const CORES = {
  original: new WebAssembly.Module(fs.readFileSync('core-instr.wasm')),
  patched: new WebAssembly.Module(fs.readFileSync('core-instr-patched.wasm')),
};
const shipped = new WebAssembly.Module(fs.readFileSync(path.join(dir, 'bucketing-lib.release.wasm')));
const Params = protobuf.loadSync(protoFile).lookupType('VariableForUserParams_PB');
const seq = JSON.parse(fs.readFileSync(sequenceFile, 'utf8'));
// the sequence config's JSON variable, which every user here is served: a freed object that is read
// again can change the answer without an error, so answers are compared, not just errors counted
const KEY = 'k', VARIABLE = 'flag', TYPE = 3;
// the loader binds env["Date.now"] to Date.now itself, over any import given: set the clock there
Date.now = () => seq.now;
// the loader routes the core's console.log to the global one; keep the core's warnings off the report
const print = (s) => process.stdout.write(s + '\n');
console.log = () => {};

const pbUser = require('./pb-user.cjs');

const recorded = seq.users[1]; // the user of the sequence's faulting lookup: both maps
const USERS = {
  'customData only {a:1}': { user_id: 'u', customData: { a: 1 } },
  'customData only {} (empty map)': { user_id: 'u', customData: {} },
  'customData only (recorded user)': { ...recorded, privateCustomData: undefined },
  'privateCustomData only {b:1}': { user_id: 'u', privateCustomData: { b: 1 } },
  'privateCustomData only (recorded user)': { ...recorded, customData: undefined },
  'no maps': { user_id: 'u' },
  'both maps {a:1} and {b:1}': { user_id: 'u', customData: { a: 1 }, privateCustomData: { b: 1 } },
  'both maps (recorded user)': recorded,
};

// what the hooks act on: the current instance, and when within its lookup to collect
let raw = null, inCall = false, allocations = 0, collectAt = null, collecting = false, sites = null;
const env = {
  hook_new() {
    if (!inCall || collecting) return;
    const n = allocations++;
    if (sites) sites[n] = allocatingFunction(new Error().stack);
    if (collectAt === 'every' || collectAt === n) {
      collecting = true;
      try { raw.__collect(); } finally { collecting = false; }
    }
  },
  hook_free(ptr) {
    ptr >>>= 0; // ptr - 4 holds the block's size; ptr .. ptr + 8 the collector's list links, kept
    const size = new DataView(raw.memory.buffer).getUint32(ptr - 4, true) & ~3;
    new Uint8Array(raw.memory.buffer, ptr + 8, size - 8).fill(0xfb);
    return inCall ? 1 : 0;
  },
};
// the first wasm frame below the runtime's own: the function that asked for the allocation
const allocatingFunction = (stack) => stack.split('\n').map(l => l.trim().match(/^at (\S+) \(wasm:/))
  .find(m => m && !m[1].startsWith('~lib/rt/'))?.[1];

async function lookup(module, user, json, at) {
  const core = await loader.instantiate(module, { env });
  raw = Object.getPrototypeOf(core);
  core.setPlatformDataUTF8(Buffer.from(JSON.stringify(seq.platformData)));
  core.setClientCustomDataUTF8(KEY, Buffer.from(JSON.stringify(seq.clientCustomData)));
  core.setConfigDataUTF8(KEY, Buffer.from(JSON.stringify(seq.config)));
  raw.__collect();
  if (raw.gc_threshold) raw.gc_threshold.value = 0x7fffffff; // no steps of its own: only the forced collections
  const request = json ? null : Params.encode(Params.create({ sdkKey: KEY, variableKey: VARIABLE, variableType: TYPE,
    user: pbUser(user), shouldTrackEvent: false })).finish();
  allocations = 0; collectAt = at; inCall = true;
  let answer;
  try {
    answer = json ? String(core.variableForUser(KEY, JSON.stringify(user), VARIABLE, TYPE, false))
      : Buffer.from(core.variableForUser_PB(request) || []).toString('hex');
  } catch (e) {
    answer = 'error: ' + e.message;
  }
  inCall = false;
  try { raw.__collect(); } catch (e) { answer += ' / error in the next collection: ' + e.message; }
  return { answer, allocations };
}

(async () => {
  print(`# stress.cjs mode=${MODE}, Node ${process.version}`);
  let cases = 0, asShipped = 0;
  for (const [label, user] of Object.entries(USERS)) for (const json of [false, true]) {
    const entry = json ? 'variableForUser (JSON)' : 'variableForUser_PB';
    const shippedAnswer = (await lookup(shipped, user, json, null)).answer;
    for (const [core, module] of Object.entries(CORES)) {
      const name = `${label} | ${entry} | ${core}`;
      if (!FILTER.test(name)) continue;
      const refSites = sites = [];
      const ref = await lookup(module, user, json, null);
      sites = null;
      cases++;
      if (ref.answer === shippedAnswer) asShipped++;
      if (MODE === 'every') {
        const { answer } = await lookup(module, user, json, 'every');
        print(`${name}: ${answer === ref.answer ? 'ok' : 'FAILED, ' + answer.slice(0, 100)} (${ref.allocations} allocations)`);
        continue;
      }
      const failed = [];
      let first = null;
      for (let k = 0; k < ref.allocations; k++) {
        const { answer } = await lookup(module, user, json, k);
        if (answer !== ref.answer) { failed.push(k); first = first || answer.slice(0, 100); }
      }
      print(`${name}: ${failed.length} of ${ref.allocations} allocation points fail` + (failed.length
        ? ` (k = ${failed.join(', ')}; first: ${first}; allocating: ${[...new Set(failed.map(k => refSites[k]))].join(', ')})` : ''));
    }
  }
  print(`unforced answers equal to the shipped core's: ${asShipped} of ${cases}`);
})();
