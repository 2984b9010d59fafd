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
import { build } from 'esbuild'
import { readFileSync } from 'node:fs'

// The single-file server runs without a package.json beside it: `--version` is written in.
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))

const EXTERNAL = ['better-sqlite3', '@fastify/swagger-ui', '@fastify/static', '@fastify/swagger']

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
  define: { __IAMPORT_MOCK_VERSION__: JSON.stringify(version) },
  legalComments: 'none',
  logLevel: 'warning'
})
