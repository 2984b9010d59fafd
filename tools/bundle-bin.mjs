// Bundles the `iamport-mock` command into one ES module, dist/bin/iamport-mock.mjs.
//
// Why: CI jobs start the simulator often, and Node spends most of a cold start resolving and
// loading hundreds of small module files (TypeBox alone is several hundred). One bundled file
// starts in about the time of a bare Fastify server; the tsc output in dist/ stays the library
// entry (buildApp, createMockServer) with its type declarations.
//
// Packages that read their own files at run time (static assets, native addons) stay external.
// So does @fastify/swagger: it is imported only when /__mock/docs is first asked for, and
// bundling it would make every start parse it.
//
// The browser checkout's scripts and the dashboard's files are bundled first (tools/bundle-browser.mjs): written beside the
// library build and inlined into the command as a constant, so the command needs no other file.
import { mkdir, writeFile } from 'node:fs/promises'
import { build } from 'esbuild'
import { readFileSync } from 'node:fs'
import { browserBundles, bundleDashboard } from './bundle-browser.mjs'

// The single-file server runs without a package.json beside it: `--version` is written in.
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))

// esbuild itself is only imported by the checkout when it runs from source without bundles.
const EXTERNAL = ['better-sqlite3', '@fastify/swagger-ui', '@fastify/static', '@fastify/swagger', 'esbuild']

const bundles = await browserBundles()
const bundleDir = new URL('../dist/mock-server/checkout/bundles/', import.meta.url)
await mkdir(bundleDir, { recursive: true })
await writeFile(new URL('sdk.js', bundleDir), bundles.sdk)
await writeFile(new URL('window.js', bundleDir), bundles.window)

// The dashboard (/__mock/ui): its script and stylesheet, beside the library build and inlined.
const dashboard = await bundleDashboard()
const dashboardDir = new URL('../dist/mock-server/control/ui-bundle/', import.meta.url)
await mkdir(dashboardDir, { recursive: true })
await writeFile(new URL('app.js', dashboardDir), dashboard.js)
await writeFile(new URL('app.css', dashboardDir), dashboard.css)

await build({
  entryPoints: [new URL('../mock-server/cli.ts', import.meta.url).pathname],
  outfile: new URL('../dist/bin/iamport-mock.mjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: EXTERNAL,
  // CommonJS dependencies call require(); give the ES module bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  define: {
    __IAMPORT_MOCK_BROWSER_BUNDLES__: JSON.stringify(bundles),
    __IAMPORT_MOCK_DASHBOARD__: JSON.stringify(dashboard),
    __IAMPORT_MOCK_VERSION__: JSON.stringify(version)
  },
  legalComments: 'none',
  logLevel: 'warning'
})
