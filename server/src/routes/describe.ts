import { z } from 'zod';
import type { ZodOpenApiResponsesObject } from 'zod-openapi';

// What the routes say about themselves in the OpenAPI document (server/src/openapi.ts).

/** Every error, whatever the status: DESIGN.md's one error shape. */
export const errorSchema = z
  .object({
    errors: z
      .array(
        z.object({
          code: z.string().meta({
            description: 'Stable, machine-readable; the key the components translate.',
            example: 'ssn_invalid',
          }),
          title: z.string().meta({ description: 'English, for logs and curl users.' }),
          source: z
            .object({ pointer: z.string().meta({ description: 'JSON pointer into the body.' }) })
            .optional(),
        }),
      )
      .min(1),
  })
  .meta({ id: 'Error' });

/** The responses of an operation: its own successes, and the error shape for anything else. */
export function responses(success: ZodOpenApiResponsesObject): ZodOpenApiResponsesObject {
  return {
    ...success,
    default: {
      description:
        'Any error: 400 invalid request, 401/403 authentication, 404, 409, 413, 429 (with Retry-After), 5xx',
      content: { 'application/json': { schema: errorSchema } },
    },
  };
}

/** 429 on routes that count failed attempts (a wrong admin key, a bad webhook signature). */
export const tooManyFailures = {
  '429': {
    description:
      'Too many failed attempts from this address in the window (code too_many_failures, Retry-After); refused before the body is read',
    content: { 'application/json': { schema: errorSchema } },
  },
};

/** A JSON response body. */
export function json(description: string, schema: z.ZodType) {
  return { description, content: { 'application/json': { schema } } };
}
