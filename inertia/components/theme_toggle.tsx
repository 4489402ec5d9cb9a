import { Button } from '~/components/ui/button'
import { type Theme, useTheme } from '~/hooks/use_theme'

const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' }
const ICONS: Record<Theme, string> = { system: '◐', light: '☀', dark: '☾' }

/** Cycles the colour theme: system → light → dark → system. */
export function ThemeToggle() {
  const [theme, setTheme] = useTheme()

  return (
    <Button
      variant="ghost"
      size="icon"
      data-test="theme-toggle"
      aria-label={`Theme: ${theme}. Switch to ${NEXT[theme]}`}
      title={`Theme: ${theme}`}
      onClick={() => setTheme(NEXT[theme])}
    >
      <span aria-hidden="true">{ICONS[theme]}</span>
    </Button>
  )
}
