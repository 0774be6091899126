import { createHmac, randomUUID } from 'node:crypto';

/**
 * Sends signed webhooks the way the real services do: POST JSON, a hex HMAC-SHA256 of the exact
 * body in the signature header, a few retries on failure. Delivery is fire-and-forget.
 */
export class WebhookSender {
  url: string | undefined;
  readonly sent: Array<{ id: string; type: string; status: number | 'failed' }> = [];
  /**
   * Delivery knobs. `includeObject` off sends only `{ id, object, uri }` as the object (the
   * account setting of seed 000 L663-671); `delayMs` holds events of a type back, so they arrive
   * after later ones (Checkr "does not guarantee ... order", seed 000 L688-698).
   */
  includeObject = true;
  delayMs: Record<string, number> = {};

  constructor(
    private readonly header: string,
    private readonly key: () => string,
    private readonly userAgent: string,
  ) {}

  async send(
    type: string,
    object: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    const url = this.url;
    if (!url) return;
    const id = randomUUID().replace(/-/g, '');
    const createdAt = new Date().toISOString();
    const delay = this.delayMs[type];
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    const body = JSON.stringify({
      id,
      object: 'event',
      type,
      created_at: createdAt,
      webhook_url: url,
      data: {
        object: this.includeObject
          ? object
          : { id: object.id, object: object.object, uri: object.uri },
      },
      ...extra,
    });
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': this.userAgent,
            [this.header]: createHmac('sha256', this.key()).update(body).digest('hex'),
          },
          body,
          signal: AbortSignal.timeout(5000),
        });
        this.sent.push({ id, type, status: response.status });
        if (response.ok) return;
      } catch {
        // retry below
      }
      await new Promise((resolve) => setTimeout(resolve, 200 * (attempt + 1)));
    }
    this.sent.push({ id, type, status: 'failed' });
  }
}
