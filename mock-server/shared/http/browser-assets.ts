/**
 * Browser code the simulator serves (the checkout's SDK and window script, the dashboard): bundled
 * by esbuild for the browser, and found once per process, cheapest first:
 *   1. inlined into the single-file command at build time (tools/bundle-bin.mjs), so it runs alone;
 *   2. read from beside the library build in dist/, written by the same build step;
 *   3. bundled from source on first use (tests, `npm run dev`) with esbuild, a dev dependency.
 * Nothing is bundled at start-up: a server that never serves a script never pays for it. The kept
 * text is code, not request data, like the compiled validators (ARCHITECTURE.md "No module state").
 * tools/bundle-browser.mjs bundles with the same options for the build.
 */
import { readFile } from 'node:fs/promises'

/** Bundles each entry (a file path) for the browser, `target` its syntax floor; the texts in the entries' order. */
export async function bundleForBrowser(entries: readonly string[], target: string): Promise<string[]> {
  const { build } = await import('esbuild')
  return Promise.all(
    entries.map(async (entry) => {
      const out = await build({
        entryPoints: [entry],
        bundle: true,
        write: false,
        format: 'iife',
        platform: 'browser',
        target: [target],
        minify: true,
        legalComments: 'none',
        logLevel: 'warning'
      })
      return out.outputFiles[0]!.text
    })
  )
}

/** The prebuilt files' texts (URLs beside the library build), or null when any is missing. */
export async function readPrebuilt(files: readonly URL[]): Promise<string[] | null> {
  try {
    return await Promise.all(files.map((file) => readFile(file, 'utf8')))
  } catch {
    return null
  }
}

/**
 * `load` run once for the life of the process, its promise shared by every caller; a failed load
 * is forgotten, so the next request tries again.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null
  return () => {
    loading ??= load().catch((err: unknown) => {
      loading = null
      throw err
    })
    return loading
  }
}
