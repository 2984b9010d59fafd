/**
 * The import boundaries of the repository (`npm run lint` runs `depcruise`; see ARCHITECTURE.md).
 *
 * Why a second tool beside Biome: Biome checks a file at a time and has no notion of layers
 * or cycles; dependency-cruiser resolves every import (type-only ones too, through
 * tsconfig.json) and checks the whole graph against the rules below in one pass.
 *
 * The direction, bottom to top: api → fixtures → mock-server/shared (kernel files → faults →
 * http → journal → config → store → schedules → webhooks → persistence) → mock-server/v1
 * (http → domain → render → schedules → routes → faults → the wing's entry, index.ts) →
 * mock-server/v2 (http → domain → render → notify → routes → runs → app.ts; imports nothing of v1)
 * → mock-server/checkout (the browser SDK's payment window, on the V1 wing's domain) → mock-server/control
 * → the mock-server root (app, server, cli, index, preload). A layer imports only layers
 * below it, so the folder graph of mock-server/ has no cycle. client/ and contract-tests/ sit
 * beside the server, not on top of it.
 */

// A test file: a *.test.ts anywhere, or anything under a test/ folder (test/support,
// client/test, fixtures/test). Everything else under the four shipped folders is production.
const TEST = '(^|/)test/|\\.test\\.ts$'
const SHIPPED = '^(api|mock-server|client|fixtures)/'

/** Bottom to top. A path matches exactly one layer. */
const LAYERS = [
  ['api', '^api/'],
  ['fixtures', '^fixtures/'],
  ['shared kernel', '^mock-server/shared/[^/]+$'],
  ['shared/faults', '^mock-server/shared/faults/'],
  ['shared/http', '^mock-server/shared/http/'],
  ['shared/journal', '^mock-server/shared/journal/'],
  ['shared/config', '^mock-server/shared/config/'],
  ['shared/store', '^mock-server/shared/store/'],
  ['shared/schedules', '^mock-server/shared/schedules/'],
  ['shared/webhooks', '^mock-server/shared/webhooks/'],
  ['shared/persistence', '^mock-server/shared/persistence/'],
  ['v1/http', '^mock-server/v1/http/'],
  ['v1/domain', '^mock-server/v1/domain/'],
  ['v1/render', '^mock-server/v1/render/'],
  ['v1/schedules', '^mock-server/v1/schedules/'],
  ['v1/routes', '^mock-server/v1/routes/'],
  ['v1/faults', '^mock-server/v1/faults/'],
  ['v1 root', '^mock-server/v1/[^/]+$'],
  ['v2/http', '^mock-server/v2/http/'],
  ['v2/domain', '^mock-server/v2/domain/'],
  ['v2/render', '^mock-server/v2/render/'],
  ['v2/notify', '^mock-server/v2/notify/'],
  ['v2/routes', '^mock-server/v2/routes/'],
  ['v2/runs', '^mock-server/v2/runs/'],
  ['v2 root', '^mock-server/v2/[^/]+$'],
  ['checkout', '^mock-server/checkout/'],
  ['control', '^mock-server/control/'],
  ['mock-server root', '^mock-server/[^/]+$']
]

const either = (patterns) => patterns.map((p) => `(${p})`).join('|')

// A test may start the composed product the way a user does (createMockServer, buildApp; preload's
// bulk load to fill it), as
// the harness in test/support does; it may not reach sideways into a higher layer's internals.
const COMPOSITION_ROOT = '^mock-server/(app|server|index|preload)\\.ts$'

/**
 * Two rules per layer: nothing in it imports a layer above it; a test file in it may, in
 * addition, import the composition root. Type-only imports count.
 */
const layerRules = LAYERS.slice(0, -1).flatMap(([name, path], i) => {
  const above = either(LAYERS.slice(i + 1).map(([, p]) => p))
  const below =
    LAYERS.slice(0, i)
      .map(([n]) => n)
      .join(', ') || 'nothing of ours'
  return [
    {
      name: `layer: ${name}`,
      comment: `${name} imports only the layers below it (${below})`,
      severity: 'error',
      from: { path, pathNot: TEST },
      to: { path: above }
    },
    {
      name: `layer: ${name} (tests)`,
      comment: `a test in ${name} imports what it tests, the layers below, test/support and the composition root`,
      severity: 'error',
      from: { path, pathNot: `^(?!.*(${TEST}))` },
      to: { path: above, pathNot: COMPOSITION_ROOT }
    }
  ]
})

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'no cycle between modules (type-only imports included)',
      severity: 'error',
      from: {},
      to: { circular: true }
    },
    ...layerRules,
    {
      name: 'api: imports only api',
      comment: 'api/ is the bottom layer: the wire schemas import nothing of ours but api/ (its tests may use test/support)',
      severity: 'error',
      from: { path: '^api/' },
      to: { path: '^[^/]+/', pathNot: ['^api/', '^node_modules/', '^test/support/'] }
    },
    {
      name: 'fixtures: imports only api and fixtures',
      comment: 'the cards catalogue and the builders ship to users; they need the wire shapes and nothing else',
      severity: 'error',
      from: { path: '^fixtures/' },
      to: { path: '^[^/]+/', pathNot: ['^api/', '^fixtures/', '^node_modules/', '^test/support/'] }
    },
    {
      name: 'client: imports only api and client',
      comment: 'the typed client ships on its own; its types come from api/, never from server internals',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^[^/]+/', pathNot: ['^api/', '^client/', '^node_modules/', '^test/support/'] }
    },
    {
      name: 'wings are siblings: V2 imports nothing of V1',
      comment: 'the V2 wing shares the machinery in shared/ and nothing of the V1 wing (ARCHITECTURE.md, ADR 0005)',
      severity: 'error',
      from: { path: '^mock-server/v2/', pathNot: '\\.test\\.ts$' },
      to: { path: '^mock-server/v1/' }
    },
    {
      name: 'contract-tests: nothing from mock-server',
      comment:
        'the contract kit runs against the real API too; it starts a simulator only through the package entry (iamport-mock), never from mock-server/ source',
      severity: 'error',
      from: { path: '^contract-tests/' },
      // 'iamport-mock' resolves to mock-server/index.ts through tsconfig paths (tests run the
      // sources); that aliased import of the public entry is the one allowed way in.
      to: { path: '^mock-server/', dependencyTypesNot: ['aliased-tsconfig-paths'] }
    },
    {
      name: 'production: no test or tool code',
      comment: 'a shipped file never imports test/, tools/, bench/, a test folder or a *.test.ts (they would land in dist/)',
      severity: 'error',
      from: { path: SHIPPED, pathNot: TEST },
      to: { path: [TEST, '^(tools|bench|contract-tests|examples)/'] }
    }
  ],
  options: {
    // type-only imports count: a type reaching up a layer is still an edge upward
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|bench/build|node_modules)/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.d.ts']
    }
  }
}
