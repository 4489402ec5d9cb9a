import { cn } from '~/lib/cn'
import { type Theme, useTheme } from '~/hooks/use_theme'
import { SettingsLayout } from '~/components/settings_layout'

const OPTIONS: { value: Theme; label: string; description: string }[] = [
  { value: 'system', label: 'System', description: 'Follow the operating system.' },
  { value: 'light', label: 'Light', description: 'Always light.' },
  { value: 'dark', label: 'Dark', description: 'Always dark.' },
]

export default function Appearance() {
  const [theme, setTheme] = useTheme()

  return (
    <SettingsLayout title="Appearance">
      <fieldset>
        <legend className="text-sm text-muted-foreground">
          Colour theme, remembered by this browser.
        </legend>
        <div className="mt-3 grid gap-2 sm:grid-cols-3">
          {OPTIONS.map((option) => (
            <label
              key={option.value}
              className={cn(
                'cursor-pointer rounded-lg border p-3 text-sm',
                theme === option.value ? 'border-primary ring-1 ring-primary' : 'border-border'
              )}
            >
              <input
                type="radio"
                name="theme"
                value={option.value}
                checked={theme === option.value}
                onChange={() => setTheme(option.value)}
                className="sr-only"
              />
              <span className="block font-medium">{option.label}</span>
              <span className="block text-muted-foreground">{option.description}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </SettingsLayout>
  )
}
