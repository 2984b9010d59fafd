/**
 * Every relative link in the Markdown docs must lead somewhere: README.md, ARCHITECTURE.md,
 * CONTRIBUTING.md, docs/**, and every folder's README.md. A link to a file or folder must name one
 * that exists in the repository; a `#anchor` must name a heading of its page (GitHub's slugs).
 * Docs move often (issue 14 moved most of them); a dead link is the first thing a newcomer meets.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const SKIP = new Set(['node_modules', 'dist', 'build', '.git', 'coverage'])

/** Every Markdown file the link rule covers, relative to the root. */
function docFiles(): string[] {
  const found: string[] = ['README.md', 'ARCHITECTURE.md', 'CONTRIBUTING.md']
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`
      if (entry.isDirectory()) {
        if (!SKIP.has(entry.name) && !entry.name.startsWith('.')) walk(path)
      } else if (path.startsWith('docs/') ? path.endsWith('.md') : entry.name === 'README.md' && dir !== '') {
        found.push(path)
      }
    }
  }
  walk('')
  return found
}

/** The text outside fenced code blocks, where a line starting with `#` is a heading. */
function outsideFences(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')
}

/** The text outside fenced code blocks and inline code, where a `[x](y)` is a real link. */
function prose(markdown: string): string {
  return outsideFences(markdown).replace(/`[^`\n]*`/g, '``')
}

/** The link targets of a page: inline links and reference definitions. */
function linksOf(markdown: string): string[] {
  const text = prose(markdown)
  const inline = [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!)
  const references = [...text.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)].map((m) => m[1]!)
  return [...inline, ...references]
}

/** GitHub's anchors for the headings of a page (lower case, punctuation dropped, spaces to dashes, repeats numbered). */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>()
  const seen = new Map<string, number>()
  for (const [, heading] of outsideFences(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = heading!
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-')
    const n = seen.get(slug) ?? 0
    seen.set(slug, n + 1)
    anchors.add(n === 0 ? slug : `${slug}-${n}`)
  }
  return anchors
}

/** Why a link of `page` is broken, or null when it resolves. */
function brokenLink(page: string, target: string, read: (path: string) => string | null): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return null // http:, https:, mailto:: not ours to check
  const [path = '', anchor] = target.split('#', 2)
  const file = path === '' ? page : relative(ROOT, resolve(ROOT, dirname(page), decodeURIComponent(path)))
  if (file.startsWith('..')) return `${target}: points outside the repository`
  if (!existsSync(join(ROOT, file))) return `${target}: no such file (${file})`
  if (anchor === undefined || anchor === '' || !file.endsWith('.md')) return null
  const markdown = read(file)
  if (markdown !== null && !anchorsOf(markdown).has(anchor.toLowerCase())) return `${target}: ${file} has no heading #${anchor}`
  return null
}

const read = (path: string): string | null => {
  try {
    return readFileSync(join(ROOT, path), 'utf8')
  } catch {
    return null // a folder
  }
}

describe('relative links in the docs', () => {
  const files = docFiles()

  it('covers the root pages, docs/ and every folder README', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'ARCHITECTURE.md', 'CONTRIBUTING.md', 'docs/README.md', 'mock-server/README.md']))
    expect(files.filter((f) => f.startsWith('docs/')).length).toBeGreaterThan(10)
  })

  it.each(files)('%s: every relative link resolves', (file) => {
    const broken = linksOf(readFileSync(join(ROOT, file), 'utf8'))
      .map((target) => brokenLink(file, target, read))
      .filter((problem): problem is string => problem !== null)
    expect(broken).toEqual([])
  })

  it('catches a missing file, a missing heading and a link out of the repository', () => {
    const page = 'docs/example.md'
    expect(brokenLink(page, 'no-such-page.md', read)).toMatch(/no such file/)
    expect(brokenLink(page, 'fidelity.md#no-such-heading', read)).toMatch(/has no heading/)
    expect(brokenLink(page, '../../outside.md', read)).toMatch(/outside the repository/)
    expect(brokenLink(page, 'fidelity.md#known-differences', read)).toBeNull()
    expect(brokenLink(page, 'https://api.iamport.kr', read)).toBeNull()
  })

  it('makes the anchors GitHub makes', () => {
    const anchors = anchorsOf(
      '# Keeping state: `--data`\n## Presets: `X-Iamport-Mock-Fault: <preset>`\n## Routes\n## Routes\n```\n# not a heading\n```'
    )
    expect([...anchors]).toEqual(['keeping-state---data', 'presets-x-iamport-mock-fault-preset', 'routes', 'routes-1'])
  })
})
