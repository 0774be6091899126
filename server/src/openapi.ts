import { z } from 'zod';
import { createDocument, type ZodOpenApiPathsObject } from 'zod-openapi';
import { adminPaths } from './routes/admin.ts';
import { json, responses } from './routes/describe.ts';
import { applyPaths } from './routes/apply.ts';
import { payPaths, webhookPaths } from './routes/pay-and-webhooks.ts';

/**
 * The BFF's OpenAPI 3.1 document, generated from the zod schemas the routes validate requests with
 * (and the response schemas beside them), so it cannot say something the routes do not do: the
 * server tests check every response they receive against it. A new route adds its paths object
 * to its route module and to `paths` below.
 */

const healthPaths: ZodOpenApiPathsObject = {
  '/healthz': {
    get: {
      operationId: 'health',
      summary: 'Liveness, and whether the BFF runs against the sandbox or the live services',
      tags: ['Operations'],
      responses: responses({
        '200': json('Up', z.object({ status: z.literal('ok'), mode: z.enum(['sandbox', 'live']) })),
      }),
    },
  },
  '/openapi.json': {
    get: {
      operationId: 'openapi',
      summary: 'This document',
      tags: ['Operations'],
      responses: responses({
        '200': json('The OpenAPI 3.1 document', z.record(z.string(), z.unknown())),
      }),
    },
  },
};

export function openApiDocument(): ReturnType<typeof createDocument> {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'checkr-kit BFF',
      version: '0.1.0',
      description:
        'The backend-for-frontend of checkr-kit: it alone holds the Checkr and Checkr Pay keys, mints short-lived tokens for the browser, validates again, calls Checkr, keeps the consent evidence and takes webhooks.',
    },
    tags: [
      { name: 'Apply sessions', description: "Your backend's calls, with the admin key" },
      { name: 'Apply flow', description: "`<ck-apply-flow>`'s calls, with a session token" },
      { name: 'Consents', description: 'Your back office, with the admin key' },
      { name: 'Pay', description: "`<ck-pay-embed>`'s call, for a signed-in worker" },
      { name: 'Webhooks', description: 'Signed deliveries from Checkr and Checkr Pay' },
      { name: 'Operations' },
    ],
    components: {
      securitySchemes: {
        adminKey: {
          type: 'http',
          scheme: 'bearer',
          description: "BFF_ADMIN_KEY: your backend's key, never in a browser",
        },
        sessionToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'The apply session token from POST /v1/apply-sessions (minutes, one session)',
        },
      },
    },
    paths: { ...applyPaths, ...adminPaths, ...payPaths, ...webhookPaths, ...healthPaths },
  });
}

/** The document as the README's route table (`npm run openapi` writes it there). */
export function openApiMarkdown(): string {
  const document = openApiDocument();
  const rows = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    (['get', 'post', 'put', 'patch', 'delete'] as const).flatMap((method) => {
      const operation = item[method];
      if (!operation) return [];
      const auth = (operation.security ?? []).flatMap((s) => Object.keys(s)).join(', ') || '-';
      const success = Object.keys(operation.responses ?? {})
        .filter((status) => /^[23]/.test(status))
        .join(', ');
      return [
        `| \`${method.toUpperCase()} ${path}\` | ${operation.summary ?? ''} | ${auth} | ${success} |`,
      ];
    }),
  );
  return ['| route | what it does | auth | success |', '| --- | --- | --- | --- |', ...rows].join(
    '\n',
  );
}
