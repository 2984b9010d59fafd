/**
 * The dashboard's script and stylesheet (browser source in ./ui/), bundled by esbuild, found the
 * way the checkout's scripts are (../checkout/assets.ts), cheapest first: inlined into the
 * single-file command at build time (`__IAMPORT_MOCK_DASHBOARD__`, tools/bundle-bin.mjs); read
 * from dist/mock-server/control/ui-bundle/ beside the library build; bundled from source on first
 * use (tests, `npm run dev`). Nothing is bundled at start-up. The kept text is code, not request
 * data (ARCHITECTURE.md "No module state").
 */
import { readFile } from 'node:fs/promises'

export interface DashboardBundle {
  readonly js: string
  readonly css: string
}

declare const __IAMPORT_MOCK_DASHBOARD__: DashboardBundle | undefined

let loading: Promise<DashboardBundle> | null = null

export function dashboardBundle(): Promise<DashboardBundle> {
  loading ??= load().catch((err: unknown) => {
    loading = null
    throw err
  })
  return loading
}

async function load(): Promise<DashboardBundle> {
  if (typeof __IAMPORT_MOCK_DASHBOARD__ !== 'undefined') return __IAMPORT_MOCK_DASHBOARD__
  try {
    const [js, css] = await Promise.all([
      readFile(new URL('./ui-bundle/app.js', import.meta.url), 'utf8'),
      readFile(new URL('./ui-bundle/app.css', import.meta.url), 'utf8')
    ])
    return { js, css }
  } catch {
    return bundleDashboard(new URL('./ui/', import.meta.url).pathname)
  }
}

/** Bundles `folder`/main.ts and `folder`/styles.css (the build and the from-source path share this). */
export async function bundleDashboard(folder: string): Promise<DashboardBundle> {
  const { build } = await import('esbuild')
  const one = async (entry: string): Promise<string> => {
    const out = await build({
      entryPoints: [`${folder}/${entry}`],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: ['es2020'],
      minify: true,
      legalComments: 'none',
      logLevel: 'warning'
    })
    return out.outputFiles[0]!.text
  }
  const [js, css] = await Promise.all([one('main.ts'), one('styles.css')])
  return { js, css }
}
