import { test } from '@japa/runner'

/**
 * The cache lives with the pages (inertia/lib), a separate TypeScript project, so it is imported by
 * path and described here by the part of it these tests use.
 */
type Cache = { get(key: string, render: () => Promise<string>): Promise<string>; size: number }
type CacheOptions = { maxEntries: number; ttlMs: number; now?: () => number }
const RENDER_CACHE_MODULE = '../../inertia/lib/render_cache.ts'
const { RenderCache } = (await import(RENDER_CACHE_MODULE)) as {
  RenderCache: new (options: CacheOptions) => Cache
}

test.group('Server rendering | guest page cache', () => {
  test('renders a page object once and reuses it until it expires', async ({ assert }) => {
    let now = 0
    let renders = 0
    const cache = new RenderCache({ maxEntries: 10, ttlMs: 1000, now: () => now })
    const render = async () => `html ${++renders}`

    assert.equal(await cache.get('login', render), 'html 1')
    assert.equal(await cache.get('login', render), 'html 1')
    now = 999
    assert.equal(await cache.get('login', render), 'html 1')
    now = 1000
    assert.equal(await cache.get('login', render), 'html 2')
  })

  test('keeps at most maxEntries, dropping the oldest', async ({ assert }) => {
    const cache = new RenderCache({ maxEntries: 2, ttlMs: 60_000 })
    let renders = 0
    const render = async () => `html ${++renders}`

    await cache.get('a', render)
    await cache.get('b', render)
    await cache.get('c', render)

    assert.equal(cache.size, 2)
    assert.equal(await cache.get('b', render), 'html 2')
    assert.equal(await cache.get('a', render), 'html 4')
  })

  test('a failed render is not remembered', async ({ assert }) => {
    const cache = new RenderCache({ maxEntries: 2, ttlMs: 60_000 })

    await assert.rejects(() => cache.get('x', async () => Promise.reject(new Error('boom'))))
    assert.equal(await cache.get('x', async () => 'ok'), 'ok')
  })
})
