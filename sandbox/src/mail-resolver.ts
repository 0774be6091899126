/** The look-ups a mail check makes (the same shape as node:dns/promises). */
export interface MailResolver {
  resolveMx(domain: string): Promise<Array<{ exchange: string; priority: number }>>;
  resolve4(domain: string): Promise<string[]>;
  resolve6(domain: string): Promise<string[]>;
}

const REAL_TLDS = new Set([
  'com',
  'net',
  'org',
  'edu',
  'gov',
  'io',
  'us',
  'co',
  'es',
  'mx',
  'info',
  'biz',
  'me',
  'uk',
  'ca',
  'de',
  'fr',
  'dev',
  'app',
  'mil',
]);
const DEAD_DOMAINS = new Set(['gmeil.com', 'nomail.example.com', 'no-mx.example.org']);

function notFound(): Promise<never> {
  return Promise.reject(Object.assign(new Error('queryMx ENOTFOUND'), { code: 'ENOTFOUND' }));
}

/**
 * The sandbox's DNS: offline, deterministic. A domain under a real TLD takes mail, except a few
 * named dead ones; anything else (gmeil.con, *.invalid, *.test) does not exist. `null-mx.*`
 * domains publish a null MX (RFC 7505).
 */
export const sandboxMailResolver: MailResolver = {
  async resolveMx(domain) {
    const tld = domain.split('.').pop() ?? '';
    if (!REAL_TLDS.has(tld) || DEAD_DOMAINS.has(domain)) return notFound();
    if (domain.startsWith('null-mx.')) return [{ exchange: '', priority: 0 }];
    return [{ exchange: `mx.${domain}`, priority: 10 }];
  },
  resolve4: () => notFound(),
  resolve6: () => notFound(),
};
