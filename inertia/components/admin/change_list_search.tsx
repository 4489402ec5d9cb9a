import { type FormEvent, useState } from 'react'
import { Link, router } from '@inertiajs/react'
import { Button } from '~/components/ui/button'
import { Input } from '~/components/ui/input'
import { Label } from '~/components/ui/label'
import { listUrl } from '~/lib/admin/urls'
import { inSentence } from '~/lib/admin/words'

type ChangeListSearchProps = {
  url: string
  params: Record<string, string>
  search: string
  label: string
}

/** The change list's search box. A new term keeps the filters and starts again from page one. */
export function ChangeListSearch({ url, params, search, label }: ChangeListSearchProps) {
  const [term, setTerm] = useState(search)

  function submit(event: FormEvent) {
    event.preventDefault()
    const next = listUrl(url, params, { q: term.trim() || null, page: null })
    router.get(next, {}, { preserveState: true, preserveScroll: true })
  }

  return (
    <form role="search" onSubmit={submit} className="flex flex-wrap items-center gap-2">
      <Label htmlFor="admin-search" className="sr-only">
        Search {label}
      </Label>
      <Input
        id="admin-search"
        type="search"
        value={term}
        onChange={(event) => setTerm(event.target.value)}
        placeholder={`Search ${inSentence(label)}`}
        className="max-w-xs"
        data-test="admin-search"
      />
      <Button type="submit" variant="secondary">
        Search
      </Button>
      {search && (
        <Link
          href={listUrl(url, params, { q: null, page: null })}
          preserveState
          onClick={() => setTerm('')}
          className="text-sm text-muted-foreground hover:text-foreground hover:underline"
        >
          Clear search
        </Link>
      )}
    </form>
  )
}
