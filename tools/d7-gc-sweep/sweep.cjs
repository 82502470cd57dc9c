// D7 of results/DIVERGENCES.md: one lookup on a fresh core, with the collector's next step forced at
// every STEP bytes of allocation into the call; counts the positions at which the call fails, for the
// protobuf entry point (variableForUser_PB) and the JSON one (variableForUser), through the npm
// loader's own public functions.
// Usage: node sweep.cjs NPM_BUILD_DIR PROTO_FILE SEQUENCE_JSON [STEP] [RANGE]
//   PROTO_FILE: variableForUserParams.proto (the Maven build extracts it to wasm-adapters/target/proto/)
//   SEQUENCE_JSON: parity-tests/src/test/resources/divergences/d7-protobuf-heap-fault-sequence.json
const fs = require('fs');
const path = require('path');
const protobuf = require('protobufjs');

const [dir, protoFile, sequenceFile] = process.argv.slice(2);
const STEP = Number(process.argv[5] || 16);
const RANGE = Number(process.argv[6] || 8000);
const loader = require(path.resolve(dir, 'bucketing-lib.release.js'));
const mod = new WebAssembly.Module(fs.readFileSync('core-gc.wasm'));
const Params = protobuf.loadSync(protoFile).lookupType('VariableForUserParams_PB');
const seq = JSON.parse(fs.readFileSync(sequenceFile, 'utf8'));
const KEY = 'k';
// the loader binds env["Date.now"] to Date.now itself, over any import given: set the clock there
Date.now = () => seq.now;

const pbUser = require('./pb-user.cjs');
const TYPES = ['Boolean', 'Number', 'String', 'JSON'];

async function fails(user, key, type, offset, json) {
  const core = await loader.instantiate(mod, { env: { 'console.log': () => {} } });
  const raw = Object.getPrototypeOf(core);
  core.setPlatformDataUTF8(Buffer.from(JSON.stringify(seq.platformData)));
  core.setClientCustomDataUTF8(KEY, Buffer.from(JSON.stringify(seq.clientCustomData)));
  core.setConfigDataUTF8(KEY, Buffer.from(JSON.stringify(seq.config)));
  raw.__collect();
  raw.gc_threshold.value = raw.gc_total.value + offset;
  try {
    if (json) {
      core.variableForUser(KEY, JSON.stringify(user), key, TYPES.indexOf(type), false);
    } else {
      core.variableForUser_PB(Params.encode(Params.create({ sdkKey: KEY, variableKey: key,
        variableType: TYPES.indexOf(type), user: pbUser(user), shouldTrackEvent: false })).finish());
    }
    return null;
  } catch (e) {
    return e.message;
  }
}

async function sweep(label, user, key = 'flag', type = 'String') {
  for (const json of [false, true]) {
    let failed = 0, first = null;
    for (let off = 0; off < RANGE; off += STEP) {
      const r = await fails(user, key, type, off, json);
      if (r) { failed++; first = first || `at ${off} bytes: ${r}`; }
    }
    console.log(`${label}, ${json ? 'variableForUser (JSON)' : 'variableForUser_PB'}: ${failed} of ${RANGE / STEP} positions failed${first ? ' (first ' + first + ')' : ''}`);
  }
}

(async () => {
  const recorded = seq.users[1];
  await sweep('the recorded user (both maps)', recorded);
  await sweep('{a:1} and {b:1}', { user_id: 'u', customData: { a: 1 }, privateCustomData: { b: 1 } });
  await sweep('customData only', { ...recorded, privateCustomData: undefined });
  await sweep('privateCustomData only', { ...recorded, customData: undefined });
})();
