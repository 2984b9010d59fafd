/**
 * The dashboard's script and stylesheet (browser source in ./ui/), bundled by esbuild, found as
 * shared/http/browser-assets.ts describes: inlined into the single-file command
 * (`__IAMPORT_MOCK_DASHBOARD__`), read from dist/mock-server/control/ui-bundle/, or bundled from
 * source on first use.
 */
import { bundleForBrowser, loadOnce, readPrebuilt } from '../shared/http/browser-assets.js'

export interface DashboardBundle {
  readonly js: string
  readonly css: string
}

declare const __IAMPORT_MOCK_DASHBOARD__: DashboardBundle | undefined

export const dashboardBundle = loadOnce(async (): Promise<DashboardBundle> => {
  if (typeof __IAMPORT_MOCK_DASHBOARD__ !== 'undefined') return __IAMPORT_MOCK_DASHBOARD__
  const prebuilt = await readPrebuilt([new URL('./ui-bundle/app.js', import.meta.url), new URL('./ui-bundle/app.css', import.meta.url)])
  const [js, css] = prebuilt ?? (await bundleDashboard(new URL('./ui/', import.meta.url).pathname))
  return { js: js!, css: css! }
})

/** Bundles `folder`/main.ts and `folder`/styles.css with esbuild. */
export function bundleDashboard(folder: string): Promise<string[]> {
  return bundleForBrowser([`${folder}/main.ts`, `${folder}/styles.css`], 'es2020')
}
