import vine from '@vinejs/vine'
import type { ApiOperation } from '#api/operations'
import { buildOpenApiDocument } from '#api/openapi/build_document'
import type { ApiRoute } from '#api/openapi/route_paths'

/** An output schema as `outputSchema(...)` gives one: anything with `toJSONSchema()`. */
export const noteSchema = {
  toJSONSchema: () => ({
    type: 'object',
    additionalProperties: false,
    required: ['id', 'title'],
    properties: { id: { type: 'integer' }, title: { type: 'string' } },
  }),
}

/** Routes of a small made-up API (and one route outside it), as `router.toJSON()` lists them. */
export const NOTE_ROUTES: ApiRoute[] = [
  { name: 'api.notes.index', pattern: '/api/v1/notes', methods: ['GET', 'HEAD'] },
  { name: 'api.notes.store', pattern: '/api/v1/notes', methods: ['POST'] },
  {
    name: 'api.notes.show',
    pattern: '/api/v1/projects/:projectId/notes/:id',
    methods: ['GET', 'HEAD'],
  },
  {
    name: 'api.notes.update',
    pattern: '/api/v1/projects/:projectId/notes/:id',
    methods: ['PATCH'],
  },
  { name: 'api.openapi', pattern: '/api/v1/openapi.json', methods: ['GET', 'HEAD'] },
  { name: 'projects.index', pattern: '/projects', methods: ['GET', 'HEAD'] },
]

/** The descriptions of NOTE_ROUTES' API operations. */
export function noteOperations(): Map<string, ApiOperation> {
  const list: ApiOperation[] = [
    {
      route: 'api.notes.index',
      summary: 'List notes',
      tag: 'Notes',
      ability: 'note.view',
      query: vine.create({
        page: vine.number().withoutDecimals().min(1).optional(),
        since: vine.date().nullable().optional(),
        done: vine.boolean().optional(),
        expand: vine
          .unionOfTypes([vine.string(), vine.array(vine.string()).maxLength(2)])
          .optional(),
      }),
      success: { status: 200, data: noteSchema, list: 'page_and_cursor' },
      problems: [],
    },
    {
      route: 'api.notes.store',
      summary: 'Add a note',
      tag: 'Notes',
      ability: 'note.add',
      body: vine.create({ title: vine.string().maxLength(200), dueOn: vine.date().nullable() }),
      success: { status: 201, data: noteSchema },
      problems: [422],
      idempotent: true,
    },
    {
      route: 'api.notes.show',
      summary: 'Show a note',
      tag: 'Notes',
      ability: 'note.view',
      success: { status: 200, data: noteSchema },
      problems: [404],
      conditional: 'etag',
    },
    {
      route: 'api.notes.update',
      summary: 'Change a note',
      tag: 'Notes',
      ability: 'note.change',
      body: vine.create({ title: vine.string().optional() }),
      success: { status: 200, data: noteSchema },
      problems: [404, 422],
      conditional: 'if-match',
    },
  ]
  return new Map(list.map((operation) => [operation.route, operation]))
}

/** The document of the made-up API. */
export function noteDocument() {
  return buildOpenApiDocument({
    routes: NOTE_ROUTES,
    operations: noteOperations(),
    undocumented: ['api.openapi'],
  })
}
