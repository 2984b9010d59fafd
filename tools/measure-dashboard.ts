/**
 * `npm run bench:ui`: how long the dashboard's payments view takes to show its first page when the
 * merchant holds 100,000 payments. Starts the built bin with `--preload-payments` (bulk-loaded
 * through the domain functions, as the benchmark does), opens /__mock/ui#payments in Debian's
 * Chromium and times, per run, navigation start to the first payment row in the table
 * (`performance.now()` in the page when the row appears, and the wall time around it). Prints the
 * median of the runs with the machine's load average. Figures only: nothing is asserted (speed
 * stays out of the tests).
 */
import { loadavg, cpus } from 'node:os'
import { spawnCli, stopCli } from '../test/support/spawn.js'
import { launchChromium } from '../test/support/chromium.js'

const PAYMENTS = Number(process.env.MEASURE_PAYMENTS ?? 100_000)
const RUNS = Number(process.env.MEASURE_RUNS ?? 7)

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

const server = await spawnCli(['--port', '0', '--preload-payments', String(PAYMENTS)])
const browser = await launchChromium()
try {
  const inPage: number[] = []
  const wall: number[] = []
  for (let run = 0; run < RUNS; run++) {
    // A fresh context each run: no cached script or stylesheet.
    const context = await browser.newContext()
    const page = await context.newPage()
    const started = performance.now()
    await page.goto(`${server.url}/__mock/ui#payments`)
    await page.waitForSelector('table.payments tr[data-imp-uid]')
    const shown = await page.evaluate(() => performance.now())
    wall.push(performance.now() - started)
    inPage.push(shown)
    const text = await page.locator('.pager span').textContent()
    if (run === 0) console.log(`pager says: ${text}`)
    await context.close()
  }
  const load = loadavg().map((l) => l.toFixed(2))
  console.log(`payments view, first page, ${PAYMENTS.toLocaleString('en')} payments, ${RUNS} runs (first run included):`)
  console.log(`  navigation start → first row (in page): median ${median(inPage).toFixed(0)} ms, max ${Math.max(...inPage).toFixed(0)} ms`)
  console.log(`  goto → first row (wall, from the driver): median ${median(wall).toFixed(0)} ms`)
  console.log(`  machine: ${cpus().length} cores, load average ${load.join(' ')}`)
} finally {
  await browser.close()
  await stopCli(server)
}
