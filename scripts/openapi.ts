// npm run openapi: writes the BFF's route table, generated from its OpenAPI document, into the
// README between the openapi markers (a server test fails while the two differ).
import { readFileSync, writeFileSync } from 'node:fs';
import { openApiMarkdown } from '../server/src/openapi.ts';

const readme = new URL('../README.md', import.meta.url);
const text = readFileSync(readme, 'utf8');
const section = /(<!-- openapi:start[^>]*-->\n)[\s\S]*?(<!-- openapi:end -->)/;
if (!section.test(text)) throw new Error('README.md has no <!-- openapi:start --> section');
writeFileSync(
  readme,
  text.replace(section, (_, start, end) => `${start}${openApiMarkdown()}\n${end}`),
);
console.log('README.md: route table written from the OpenAPI document');
