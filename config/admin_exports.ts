import app from '@adonisjs/core/services/app'

/*
|--------------------------------------------------------------------------
| Admin CSV exports
|--------------------------------------------------------------------------
|
| A change list of up to `immediateRowLimit` rows downloads at once; a
| larger one is written by a background job (ExportCsvJob) into
| `directory`, linked from the admin's exports page and mailed to the
| staff member who asked. The file can be downloaded for `keepForHours`,
| then the pruning task (pruneExports) deletes it. The web server and the
| queue workers must see the same directory (the tmp/ volume in Docker).
|
*/
const adminExportsConfig = {
  /** The most rows an export answers in the request itself; more go to a background job. */
  immediateRowLimit: 5000,

  /** How long a finished export can be downloaded. */
  keepForHours: 24,

  /** Where the files of background exports are written (under tmp/, kept out of git). */
  directory: app.tmpPath('exports'),
}

export default adminExportsConfig
