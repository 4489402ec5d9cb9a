import { Button } from '~/components/ui/button'

/** What the server does after a save: back to the list, a fresh add form, or this form again. */
export type SaveMode = 'save' | 'add_another' | 'continue'

const SAVE_MODES: SaveMode[] = ['save', 'add_another', 'continue']

/** The mode of the button that submitted a form (read from its `value`), else a plain save. */
export function saveModeOf(submitter: Element | null | undefined): SaveMode {
  const value = submitter?.getAttribute('value')
  return SAVE_MODES.find((mode) => mode === value) ?? 'save'
}

/**
 * The change form's three submit buttons. Each carries its mode as its `value`; the form reads it
 * from the submit event. Enter in a field saves, as the first button does.
 */
export function SaveButtons({ processing }: { processing: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-2 border-t border-border pt-4">
      <Button type="submit" value="save" disabled={processing} data-test="admin-save">
        Save
      </Button>
      <Button
        type="submit"
        value="add_another"
        variant="secondary"
        disabled={processing}
        data-test="admin-save-add-another"
      >
        Save and add another
      </Button>
      <Button
        type="submit"
        value="continue"
        variant="secondary"
        disabled={processing}
        data-test="admin-save-continue"
      >
        Save and continue editing
      </Button>
    </div>
  )
}
