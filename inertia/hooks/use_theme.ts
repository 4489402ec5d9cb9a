import { useCallback, useEffect, useSyncExternalStore } from 'react'

/** The colour themes a person can choose; "system" follows the operating system. */
export type Theme = 'light' | 'dark' | 'system'

const COOKIE = 'theme'
const ONE_YEAR = 60 * 60 * 24 * 365
const listeners = new Set<() => void>()

function readTheme(): Theme {
  const match = document.cookie.match(/(?:^|; )theme=(light|dark)/)
  return match ? (match[1] as Theme) : 'system'
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function applyTheme(theme: Theme) {
  const dark =
    theme === 'dark' ||
    (theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches)
  document.documentElement.classList.toggle('dark', dark)
}

/**
 * The current theme and a setter that applies it at once and remembers it in a cookie (read by the
 * inline script of the root view before first paint). The server renders "system"; the browser
 * reads the cookie after hydration. While on "system", follows OS changes live.
 */
export function useTheme(): [Theme, (theme: Theme) => void] {
  const theme = useSyncExternalStore(subscribe, readTheme, () => 'system' as const)

  useEffect(() => {
    if (theme !== 'system') return
    const query = window.matchMedia('(prefers-color-scheme: dark)')
    const onChange = () => applyTheme('system')
    query.addEventListener('change', onChange)
    return () => query.removeEventListener('change', onChange)
  }, [theme])

  const setTheme = useCallback((next: Theme) => {
    document.cookie =
      next === 'system'
        ? `${COOKIE}=; path=/; max-age=0; samesite=lax`
        : `${COOKIE}=${next}; path=/; max-age=${ONE_YEAR}; samesite=lax`
    applyTheme(next)
    listeners.forEach((listener) => listener())
  }, [])

  return [theme, setTheme]
}
