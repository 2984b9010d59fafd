/**
 * The two browser scripts the checkout serves: the SDK (`window.IMP`, browser/sdk.ts) and the
 * window page's script (browser/window.ts), bundled by esbuild for the browser.
 *
 * Found as shared/http/browser-assets.ts describes: inlined into the single-file command
 * (`__IAMPORT_MOCK_BROWSER_BUNDLES__`), read from dist/mock-server/checkout/bundles/, or bundled
 * from source on first use.
 */
import { bundleForBrowser, loadOnce, readPrebuilt } from '../shared/http/browser-assets.js'

export interface BrowserBundles {
  readonly sdk: string
  readonly window: string
}

declare const __IAMPORT_MOCK_BROWSER_BUNDLES__: BrowserBundles | undefined

/** The entry points, relative to this file's folder (source or dist). */
export const BUNDLE_ENTRIES = { sdk: 'browser/sdk.ts', window: 'browser/window.ts' } as const

/** The SDK's syntax floor: it runs on merchants' pages, in older browsers too. */
const TARGET = 'es2019'

export const browserBundles = loadOnce(async (): Promise<BrowserBundles> => {
  if (typeof __IAMPORT_MOCK_BROWSER_BUNDLES__ !== 'undefined') return __IAMPORT_MOCK_BROWSER_BUNDLES__
  const prebuilt = await readPrebuilt([new URL('./bundles/sdk.js', import.meta.url), new URL('./bundles/window.js', import.meta.url)])
  const [sdk, window] = prebuilt ?? (await bundleFromSource(new URL('.', import.meta.url).pathname))
  return { sdk: sdk!, window: window! }
})

/** Bundles both scripts from `folder` with esbuild. */
export function bundleFromSource(folder: string): Promise<string[]> {
  return bundleForBrowser([`${folder}/${BUNDLE_ENTRIES.sdk}`, `${folder}/${BUNDLE_ENTRIES.window}`], TARGET)
}
