import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REDACTED_FIELDS, memoryLogger } from '../../server/src/logger.ts';

describe('logger (pino with redaction paths)', () => {
  it('writes one JSON object per line with level, ISO time and message', () => {
    const logger = memoryLogger();
    logger.warn('outbox item failed, will retry', { attempts: 3 });
    const line = JSON.parse(logger.lines[0]!) as Record<string, unknown>;
    assert.equal(line.level, 'warn');
    assert.equal(line.message, 'outbox item failed, will retry');
    assert.equal(line.attempts, 3);
    assert.match(String(line.time), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('censors every PII, secret and token field at the top level and two levels down', () => {
    const logger = memoryLogger();
    for (const field of REDACTED_FIELDS) {
      const value = `sensitive-${field}`;
      logger.info('fields', { [field]: value, a: { [field]: value, b: { [field]: value } } });
    }
    const log = logger.lines.join('\n');
    for (const field of REDACTED_FIELDS) assert.ok(!log.includes(`sensitive-${field}`), field);
    assert.equal(logger.lines.length, REDACTED_FIELDS.length);
    assert.equal((log.match(/\[redacted\]/g) ?? []).length, REDACTED_FIELDS.length * 3);
  });

  it('masks SSN-, email-, JWT- and bearer-shaped text in messages and string values', () => {
    const logger = memoryLogger();
    logger.error('upstream said 111-11-2001 is taken for ana@example.com', {
      detail: 'Authorization: Bearer sk_live_abc, token eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl',
      list: ['111112001'],
    });
    const log = logger.lines.join('\n');
    for (const text of ['111-11-2001', '111112001', 'ana@example.com', 'sk_live_abc', 'eyJ'])
      assert.ok(!log.includes(text), text);
    assert.match(log, /\[redacted-ssn\].*\[redacted-email\]/);
  });

  it('keeps what operators need: ids, codes, counts', () => {
    const logger = memoryLogger();
    logger.info('consent committed', { session: 'ses_123', consent: 'con_456', attempts: 2 });
    const line = JSON.parse(logger.lines[0]!) as Record<string, unknown>;
    assert.deepEqual([line.session, line.consent, line.attempts], ['ses_123', 'con_456', 2]);
  });
});
