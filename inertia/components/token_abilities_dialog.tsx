import { useState, type FormEvent } from 'react'
import { useForm } from '@inertiajs/react'
import { Button } from '~/components/ui/button'
import { Dialog } from '~/components/ui/dialog'
import { TokenAbilityPicker, type TokenAbilityGroup } from '~/components/token_ability_picker'

type TokenAbilitiesDialogProps = {
  token: { name: string; abilities: string[] }
  groups: TokenAbilityGroup[]
  /** Where the new abilities go, as a PUT. */
  url: string
}

/** A dialog that changes the abilities of an existing token. */
export function TokenAbilitiesDialog({ token, groups, url }: TokenAbilitiesDialogProps) {
  const [open, setOpen] = useState(false)
  const form = useForm({ abilities: token.abilities })

  function submit(event: FormEvent) {
    event.preventDefault()
    form.put(url, { preserveScroll: true, onSuccess: () => setOpen(false) })
  }

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={`Abilities of “${token.name}”`}
      description="What requests made with this token may do."
      trigger={
        <Button type="button" size="sm" variant="secondary">
          Edit
        </Button>
      }
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        <TokenAbilityPicker
          id="edit-abilities"
          groups={groups}
          value={form.data.abilities}
          onChange={(abilities) => form.setData('abilities', abilities)}
          error={form.errors.abilities}
        />
        <Button type="submit" disabled={form.processing}>
          Save abilities
        </Button>
      </form>
    </Dialog>
  )
}
