import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { openApiDocument } from '../../server/src/openapi.ts';

/**
 * Every response a server test receives from a BFF is checked against the BFF's OpenAPI document
 * with Ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1): an undocumented route or status, or
 * a body the document does not describe, fails the test that received it. So the document cannot
 * drift from what the routes answer.
 */
type Document = ReturnType<typeof openApiDocument>;

const document = openApiDocument() as Document & {
  paths: Record<string, Record<string, { responses: Record<string, ResponseObject> }>>;
};
interface ResponseObject {
  content?: Record<string, { schema?: unknown }>;
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(document, 'openapi.json');

const routes = Object.keys(document.paths).map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

/** Problems with one response, or [] when the document describes it. */
export function openApiProblems(
  method: string,
  path: string,
  status: number,
  contentType: string,
  body: unknown,
): string[] {
  const route = routes.find((r) => r.pattern.test(path));
  const where = `${method} ${path} -> ${status}`;
  // Preflights are answered by the CORS middleware for any documented path.
  if (method === 'OPTIONS') return [];
  // HEAD has no body to check (the BFF refuses it where GET would have effects).
  if (method === 'HEAD') return [];
  if (!route) {
    // A path that is no route: the one error shape, as a 404 (or an earlier refusal).
    return status >= 400
      ? validate('#/components/schemas/Error', body, where)
      : [`${where}: not in the OpenAPI document`];
  }
  const operation = document.paths[route.template]![method.toLowerCase()];
  if (!operation) {
    return status >= 400
      ? validate('#/components/schemas/Error', body, where)
      : [`${where}: ${method} is not documented for ${route.template}`];
  }
  const key = operation.responses[String(status)] ? String(status) : 'default';
  const response = operation.responses[key];
  if (!response) return [`${where}: status not documented`];
  const media = contentType.split(';')[0]!.trim();
  if (!response.content) return [];
  if (!response.content[media]) return [`${where}: ${media} not documented (${key})`];
  if (media !== 'application/json') return [];
  return validate(
    `#/${pointer('paths', route.template, method.toLowerCase(), 'responses', key, 'content', media, 'schema')}`,
    body,
    where,
  );
}

function validate(ref: string, body: unknown, where: string): string[] {
  const check = ajv.getSchema(`openapi.json${ref}`);
  if (!check) return [`${where}: no schema at ${ref}`];
  if (check(body)) return [];
  return (check.errors ?? []).map((e) => `${where}: ${e.instancePath || '/'} ${e.message}`);
}

const checkedOrigins = new Set<string>();
let installed = false;

/**
 * Checks every later `fetch` answer from `origin` (a BFF under test) against the document. Only
 * the BFF's own routes: the sandbox's simulators and demo pages it also serves are not its API.
 */
export function checkResponsesAgainstOpenApi(origin: string): void {
  checkedOrigins.add(new URL(origin).origin);
  if (installed) return;
  installed = true;
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const response = await original(input, init);
    const request = new Request(input, init);
    const url = new URL(request.url);
    const api = url.pathname.startsWith('/v1/') || routes.some((r) => r.pattern.test(url.pathname));
    if (!checkedOrigins.has(url.origin) || !api) return response;
    const contentType = response.headers.get('content-type') ?? '';
    const text = contentType.includes('json') ? await response.clone().text() : '';
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON although it says so: validation below reports it.
    }
    const problems = openApiProblems(
      request.method,
      url.pathname,
      response.status,
      contentType,
      body,
    );
    if (problems.length)
      throw new Error(`Response does not match the OpenAPI document:\n${problems.join('\n')}`);
    return response;
  };
}
