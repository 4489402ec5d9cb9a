import { defineConfig } from '@adonisjs/core/bodyparser'

/*
|--------------------------------------------------------------------------
| Body parser
|--------------------------------------------------------------------------
|
| Size limits keep one request from filling memory: forms and JSON are
| small; uploads get their own, larger limit.
|
*/
const bodyParserConfig = defineConfig({
  allowedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],

  form: {
    limit: '256kb',
    convertEmptyStringsToNull: true,
    types: ['application/x-www-form-urlencoded'],
  },

  json: {
    limit: '1mb',
    convertEmptyStringsToNull: true,
    types: ['application/json', 'application/json-patch+json', 'application/vnd.api+json'],
  },

  raw: {
    limit: '256kb',
    types: ['text/*'],
  },

  multipart: {
    autoProcess: true,
    convertEmptyStringsToNull: true,
    processManually: [],
    limit: '20mb',
    types: ['multipart/form-data'],
  },
})

export default bodyParserConfig
