// A Vite plugin: Preact's renderer holds the bundle's only innerHTML assignment (for dangerouslySetInnerHTML,
// which Carnet never uses: page text never becomes markup). It is replaced by a throw, so no code path can turn
// a string into markup and the store linters (web-ext lint's UNSAFE_VAR_ASSIGNMENT) find no sink to flag.
const PREACT = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/;
const SINK = /\((\w+)\.innerHTML=(\w+)\.__html\)/g;

export function noMarkupSink() {
  let replaced = 0;
  return {
    name: 'carnet:no-markup-sink',
    enforce: 'pre',
    transform(code, id) {
      if (!PREACT.test(id.split('?')[0])) return null;
      const out = code.replace(SINK, () => {
        replaced++;
        return '(()=>{throw new Error("Carnet: dangerouslySetInnerHTML is disabled")})()';
      });
      if (out === code) this.error('carnet:no-markup-sink: Preact’s innerHTML assignment was not found (Preact changed?): update scripts/no-markup-sink.mjs');
      return { code: out, map: null };
    },
    buildEnd() {
      if (replaced === 0 && this.getModuleIds && [...this.getModuleIds()].some((id) => PREACT.test(id))) this.error('carnet:no-markup-sink: nothing replaced');
    },
  };
}
