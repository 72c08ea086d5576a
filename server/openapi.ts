import * as z from 'zod/mini';
import { ENTITIES, ENTITY_NAMES } from '../lib/schema';
import { PushRequest, PushResponse, PullResponse, MeResponse, ErrorBody } from '../lib/sync/shared/protocol';

let cached: object | undefined;

const json = (schema: z.ZodMiniType) => z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' });

const errors = {
  '400': { description: 'Invalid request', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '401': { description: 'Missing, unknown or revoked token', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
  '429': { description: 'Rate limited; see Retry-After', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
};

/** OpenAPI 3.1 description generated from the same zod schemas the server parses with. */
export function openApiDocument(): object {
  cached ??= {
    openapi: '3.1.0',
    info: { title: 'Carnet team sync', version: '1' },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        PushRequest: json(PushRequest),
        PushResponse: json(PushResponse),
        PullResponse: json(PullResponse),
        Me: json(MeResponse),
        Error: json(ErrorBody),
        ...Object.fromEntries(ENTITY_NAMES.map((n) => [`record_${n}`, json(ENTITIES[n].record)])),
      },
    },
    security: [{ bearer: [] }],
    paths: {
      '/health': { get: { security: [], responses: { '200': { description: 'The server and its database answer' } } } },
      '/v1/me': {
        get: {
          summary: 'Who the token belongs to',
          responses: { '200': { description: 'Caller', content: { 'application/json': { schema: { $ref: '#/components/schemas/Me' } } } }, ...errors },
        },
      },
      '/v1/sync/push': {
        post: {
          summary: 'Apply a batch of changes (atomic; idempotent: a replayed change changes nothing; field-wise last-writer-wins by HLC)',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/PushRequest' } } } },
          responses: {
            '200': { description: 'Applied', content: { 'application/json': { schema: { $ref: '#/components/schemas/PushResponse' } } } },
            '413': { description: 'Body over the size limit' },
            ...errors,
          },
        },
      },
      '/v1/sync/pull': {
        get: {
          summary: "Records of the caller's team changed after a cursor, in change order, as they stand now",
          parameters: [
            { name: 'cursor', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 500 } },
            {
              name: 'compact',
              in: 'query',
              description: '1: stamps equal to createdAt are left out of each fieldClock (the page says compact: true)',
              schema: { type: 'integer', enum: [0, 1], default: 0 },
            },
            {
              name: 'pages',
              in: 'query',
              description:
                'More than 1: up to this many pages in one answer, as application/x-ndjson (one PullResponse per line, each page read once the one before is written; an {"error":{code,message}} line ends an answer that failed part-way)',
              schema: { type: 'integer', minimum: 1, maximum: 50, default: 1 },
            },
          ],
          responses: {
            '200': {
              description: 'A page of changes (pages=1), or several, one per line',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/PullResponse' } },
                'application/x-ndjson': { schema: { $ref: '#/components/schemas/PullResponse' } },
              },
            },
            ...errors,
          },
        },
      },
    },
  };
  return cached;
}
