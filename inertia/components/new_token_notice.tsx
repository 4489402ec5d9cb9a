import { useState } from 'react'
import { Button } from '~/components/ui/button'

/**
 * The secret of a token just created, shown this once with a button that copies it: the server
 * keeps only its hash.
 */
export function NewTokenNotice({ name, token }: { name: string; token: string }) {
  const [copied, setCopied] = useState(false)

  async function copy() {
    await navigator.clipboard.writeText(token)
    setCopied(true)
  }

  return (
    <div
      role="status"
      className="rounded-lg border border-success/40 bg-success/10 p-4"
      data-test="new-token"
    >
      <p className="text-sm font-medium">Your new token “{name}”</p>
      <p className="mt-1 text-sm text-muted-foreground">
        Copy it now: it will not be shown again. Anyone holding it can act as you, within its
        abilities, until it expires or you revoke it.
      </p>
      <div className="mt-3 flex items-center gap-2">
        <code
          className="block flex-1 overflow-x-auto rounded-md border border-border bg-card px-3 py-2 font-mono text-sm break-all"
          data-test="new-token-secret"
        >
          {token}
        </code>
        <Button type="button" variant="secondary" onClick={copy} data-test="copy-token">
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
    </div>
  )
}
