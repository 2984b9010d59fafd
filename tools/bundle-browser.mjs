// Bundles the browser code the simulator serves, for tools/bundle-bin.mjs: the checkout's two
// scripts (the SDK behind /v1/iamport.js and the payment window's script) and the dashboard's
// script and stylesheet (/__mock/ui). bundle-bin.mjs writes them beside the library build and
// inlines them into the single-file command, so that dist/bin/iamport-mock.mjs still runs alone.
// The esbuild options are those of mock-server/shared/http/browser-assets.ts (the from-source path).
import { build } from 'esbuild'

const MOCK_SERVER = new URL('../mock-server/', import.meta.url).pathname

async function bundle(path, target) {
  const out = await build({
    entryPoints: [`${MOCK_SERVER}${path}`],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: [target],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning'
  })
  return out.outputFiles[0].text
}

/** `{ sdk, window }`: the checkout's two bundles (es2019: merchants' pages run in older browsers too). */
export async function browserBundles() {
  const [sdk, window] = await Promise.all([bundle('checkout/browser/sdk.ts', 'es2019'), bundle('checkout/browser/window.ts', 'es2019')])
  return { sdk, window }
}

/** `{ js, css }`: the dashboard's two files. */
export async function bundleDashboard() {
  const [js, css] = await Promise.all([bundle('control/ui/main.ts', 'es2020'), bundle('control/ui/styles.css', 'es2020')])
  return { js, css }
}
