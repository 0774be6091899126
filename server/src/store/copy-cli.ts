/** `npm run db:copy -- sqlite:<file> postgres://...`: see copy.ts. */
import { copySqliteToPostgres } from './copy.ts';

const [from, to] = process.argv.slice(2);
if (!from || !to || !/^postgres(ql)?:\/\//.test(to)) {
  console.error(
    'Usage: npm run db:copy -- sqlite:.data/checkr-kit.sqlite postgres://user:pass@host/db',
  );
  process.exit(2);
}
try {
  await copySqliteToPostgres(from.replace(/^sqlite:(\/\/)?/, ''), to, (line) => console.log(line));
  console.log('done: the PostgreSQL database holds the same store; point DATABASE_URL at it');
} catch (error) {
  // The message only: never the URL, which may carry the password.
  console.error(`copy failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
