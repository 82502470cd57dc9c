// A user in the JSON form the core reads, as the protobuf message DVCUser_PB (NullableString and
// NullableCustomData wrappers), the way DevCycle's SDKs encode it; shared by sweep.cjs and stress.cjs.
const present = (v) => ({ value: v, isNull: false });
const absent = { isNull: true };
const customData = (o) => !o ? absent : { isNull: false, value: Object.fromEntries(Object.entries(o).map(([k, v]) => [k,
  v === null ? { type: 3 } : typeof v === 'boolean' ? { type: 0, boolValue: v }
    : typeof v === 'number' ? { type: 1, doubleValue: v } : { type: 2, stringValue: v }])) };
const optional = (v, map = (x) => x) => v === undefined ? absent : present(map(v));

module.exports = (u) => ({
  user_id: u.user_id,
  email: optional(u.email, String), name: optional(u.name), language: optional(u.language), country: optional(u.country),
  appBuild: optional(u.appBuild), appVersion: optional(u.appVersion), deviceModel: optional(u.deviceModel),
  customData: customData(u.customData), privateCustomData: customData(u.privateCustomData),
});
