import { useEffect } from 'react'

/** Whether a key press is meant as typing: in a field, a select or an editable region. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/**
 * Calls `action` when `key` is pressed alone (no modifier) outside fields and dialogs, while
 * `enabled`. Pair it with `aria-keyshortcuts` on the control that does the same.
 */
export function useKeyShortcut(key: string, action: () => void, enabled = true) {
  useEffect(() => {
    if (!enabled) return
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== key || event.repeat || event.defaultPrevented) return
      if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return
      if (isTyping(event.target) || document.querySelector('[role="dialog"]')) return
      event.preventDefault()
      action()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [key, action, enabled])
}
