import vine from '@vinejs/vine'
import { MAX_LIVE_CHANNELS } from '#shared/live'

/**
 * A live stream's query string: the channels to watch, comma-separated, the one whose viewers the
 * page counts among, if any, and when the page read its props. What each channel may be is
 * checked by the controller.
 */
export const readLiveChannelsValidator = vine.create({
  channels: vine
    .string()
    .maxLength(MAX_LIVE_CHANNELS * 40)
    .transform((value) => [...new Set(value.split(','))]),
  presence: vine.string().maxLength(40).optional(),
  /** When the page's props were read (ms since the epoch): changes since then reload them. */
  since: vine.number().withoutDecimals().positive().optional(),
})
