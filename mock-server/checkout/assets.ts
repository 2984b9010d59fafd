/**
 * The two browser scripts the checkout serves: the SDK (`window.IMP`, browser/sdk.ts) and the
 * window page's script (browser/window.ts), bundled by esbuild for the browser.
 *
 * Where the bundles come from, cheapest first:
 *   1. the single-file command (dist/bin/iamport-mock.mjs) has them inlined at build time
 *      (tools/bundle-bin.mjs defines `__IAMPORT_MOCK_BROWSER_BUNDLES__`), so it still runs alone;
 *   2. the library build (dist/) reads them from dist/mock-server/checkout/bundles/, written by
 *      the same build step;
 *   3. from source (tests, `npm run dev`) they are bundled on first use with esbuild, a dev
 *      dependency, and kept for the life of the process.
 * Nothing is bundled at start-up: a server that never serves the script never pays for it.
 *
 * The kept bundle text is code, not request data, like the compiled validators (ARCHITECTURE.md
 * "No module state"): one copy for every app in the process.
 */
import { readFile } from 'node:fs/promises'

export interface BrowserBundles {
  readonly sdk: string
  readonly window: string
}

declare const __IAMPORT_MOCK_BROWSER_BUNDLES__: BrowserBundles | undefined

/** The entry points, relative to this file's folder (source or dist). */
export const BUNDLE_ENTRIES = { sdk: 'browser/sdk.ts', window: 'browser/window.ts' } as const

let loading: Promise<BrowserBundles> | null = null

export function browserBundles(): Promise<BrowserBundles> {
  loading ??= load().catch((err: unknown) => {
    loading = null
    throw err
  })
  return loading
}

async function load(): Promise<BrowserBundles> {
  if (typeof __IAMPORT_MOCK_BROWSER_BUNDLES__ !== 'undefined') return __IAMPORT_MOCK_BROWSER_BUNDLES__
  const prebuilt = await readPrebuilt()
  return prebuilt ?? bundleFromSource(new URL('.', import.meta.url).pathname)
}

async function readPrebuilt(): Promise<BrowserBundles | null> {
  try {
    const [sdk, window] = await Promise.all([
      readFile(new URL('./bundles/sdk.js', import.meta.url), 'utf8'),
      readFile(new URL('./bundles/window.js', import.meta.url), 'utf8')
    ])
    return { sdk, window }
  } catch {
    return null
  }
}

/** Bundles both scripts with esbuild (the build and the from-source path share this). */
export async function bundleFromSource(folder: string): Promise<BrowserBundles> {
  const { build } = await import('esbuild')
  const one = async (entry: string): Promise<string> => {
    const out = await build({
      entryPoints: [`${folder}/${entry}`],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: ['es2019'],
      minify: true,
      legalComments: 'none',
      logLevel: 'warning'
    })
    return out.outputFiles[0]!.text
  }
  const [sdk, window] = await Promise.all([one(BUNDLE_ENTRIES.sdk), one(BUNDLE_ENTRIES.window)])
  return { sdk, window }
}
