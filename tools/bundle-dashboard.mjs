// Bundles the dashboard (/__mock/ui: mock-server/control/ui/main.ts and styles.css) with esbuild,
// for tools/bundle-bin.mjs, which writes the result beside the library build and inlines it into
// the single-file command. The options match mock-server/control/ui-assets.ts's from-source path.
import { build } from 'esbuild'

const FOLDER = new URL('../mock-server/control/ui/', import.meta.url).pathname

async function bundle(entry) {
  const out = await build({
    entryPoints: [`${FOLDER}${entry}`],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning'
  })
  return out.outputFiles[0].text
}

/** `{ js, css }`: the dashboard's two files. */
export async function bundleDashboard() {
  const [js, css] = await Promise.all([bundle('main.ts'), bundle('styles.css')])
  return { js, css }
}
