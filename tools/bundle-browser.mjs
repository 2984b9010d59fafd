// Bundles the browser checkout's two scripts (the SDK behind /v1/iamport.js, and the payment
// window's script) with esbuild, for the browser. Imported by tools/bundle-bin.mjs, which writes
// them beside the library build (dist/mock-server/checkout/bundles/, read by checkout/assets.ts)
// and inlines them into the single-file command, so that dist/bin/iamport-mock.mjs still runs
// alone. The options match checkout/assets.ts's from-source bundling.
import { build } from 'esbuild'

const FOLDER = new URL('../mock-server/checkout/browser/', import.meta.url).pathname

async function bundle(entry) {
  const out = await build({
    entryPoints: [`${FOLDER}${entry}`],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['es2019'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning'
  })
  return out.outputFiles[0].text
}

/** `{ sdk, window }`: the two bundles' text. */
export async function browserBundles() {
  const [sdk, window] = await Promise.all([bundle('sdk.ts'), bundle('window.ts')])
  return { sdk, window }
}
