// The export names given to AssemblyScript's collector globals (and the stack pointer), and the
// globals' names in the core's text form; shared by export-gc-globals.cjs and instrument.cjs.
module.exports = {
  gc_total: '$~lib/rt/itcms/total', gc_threshold: '$~lib/rt/itcms/threshold', gc_state: '$~lib/rt/itcms/state',
  gc_white: '$~lib/rt/itcms/white', gc_iter: '$~lib/rt/itcms/iter', gc_pinSpace: '$~lib/rt/itcms/pinSpace',
  gc_toSpace: '$~lib/rt/itcms/toSpace', gc_fromSpace: '$~lib/rt/itcms/fromSpace', gc_sp: '$~lib/memory/__stack_pointer',
};
