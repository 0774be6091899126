import type { RequestHandler } from 'express';

export type FaultKind = '429' | '500' | '400' | 'slow' | 'drop';

export interface Fault {
  kind: FaultKind;
  remaining: number;
  /** For `slow`: how long to hold the request before answering normally. */
  delayMs?: number;
  /** For `400`: the refusal's text, as Checkr words its 400s (`{ "error": "..." }`). */
  message?: string;
}

/**
 * Fault knobs for tests: "answer 429 (or 500, slowly, or drop the connection) for the next N
 * calls of this route". Routes are named like `POST /v1/candidates` with `:id` placeholders.
 */
export class FaultInjector {
  private readonly faults = new Map<string, Fault[]>();

  add(route: string, fault: Fault): void {
    const list = this.faults.get(route) ?? [];
    list.push({ ...fault });
    this.faults.set(route, list);
  }

  /** How many calls the faults queued for a route will still answer. */
  remaining(route: string): number {
    return (this.faults.get(route) ?? []).reduce((sum, fault) => sum + fault.remaining, 0);
  }

  /** Every queued fault, in the order routes will take them (the admin route's view). */
  list(): Array<{
    route: string;
    kind: FaultKind;
    remaining: number;
    delay_ms?: number;
    message?: string;
  }> {
    return [...this.faults].flatMap(([route, list]) =>
      list.map((fault) => ({
        route,
        kind: fault.kind,
        remaining: fault.remaining,
        ...(fault.delayMs !== undefined ? { delay_ms: fault.delayMs } : {}),
        ...(fault.message !== undefined ? { message: fault.message } : {}),
      })),
    );
  }

  clear(): void {
    this.faults.clear();
  }

  take(route: string): Fault | undefined {
    const list = this.faults.get(route);
    const fault = list?.[0];
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) list!.shift();
    return fault;
  }

  /** Express middleware for one named route; the service answers its own 429 and 500 bodies. */
  middleware(
    route: string,
    answer429: (res: Parameters<RequestHandler>[1]) => void,
    answer500: (res: Parameters<RequestHandler>[1]) => void = (res) =>
      void res.status(500).json({ error: 'Internal Server Error' }),
  ): RequestHandler {
    return (req, res, next) => {
      const fault = this.take(route);
      if (!fault) return next();
      switch (fault.kind) {
        case '429':
          return answer429(res);
        case '400':
          // A refusal of the request as sent (an account setting the test plays): no work done.
          (res.locals.releaseIdempotency as (() => void) | undefined)?.();
          res.status(400).json({ error: fault.message ?? 'Bad request' });
          return;
        case '500':
          return answer500(res);
        case 'drop':
          // Dropped before any work: the request never happened, so its idempotency key is free.
          (res.locals.releaseIdempotency as (() => void) | undefined)?.();
          req.socket.destroy();
          return;
        case 'slow':
          setTimeout(() => next(), fault.delayMs ?? 2000).unref?.();
          return;
      }
    };
  }
}
