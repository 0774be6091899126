import { formatDoctor, runDoctor } from './doctor.ts';

/** `npm run doctor`, with the environment the BFF would start with. */
const { ok, lines } = await runDoctor(process.env);
console.log(formatDoctor(lines));
console.log(
  ok ? '\nReady for live traffic.' : '\nFix the lines marked FIX, then run npm run doctor again.',
);
process.exit(ok ? 0 : 1);
