import { DateTime } from 'luxon'
import { toRecordedValue } from '#activity/recorder'

/**
 * Timestamps as the models would write them: a column value in the dialect's format and the
 * value the activity record keeps (ISO, in the app's time zone). Days are cached.
 */
export class SeedClock {
  readonly today = DateTime.now().startOf('day').toMillis()
  #days = new Map<number, { column: string; recorded: string }>()

  /** `format`: the connection's `dialect.dateTimeFormat`, as Lucid uses for datetime columns. */
  constructor(private format: string) {}

  /** The column and recorded values of the instant `ms` (epoch milliseconds). */
  stamp(ms: number) {
    const value = DateTime.fromMillis(ms)
    return { column: value.toFormat(this.format), recorded: toRecordedValue(value) as string }
  }

  /** The date `offset` days from today: the column value and the recorded one. */
  day(offset: number) {
    let day = this.#days.get(offset)
    if (!day) {
      const value = DateTime.fromMillis(this.today).plus({ days: offset }).startOf('day')
      day = { column: value.toISODate()!, recorded: toRecordedValue(value) as string }
      this.#days.set(offset, day)
    }
    return day
  }
}
