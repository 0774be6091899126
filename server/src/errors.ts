import type { ErrorRequestHandler, RequestHandler } from 'express';
import { UpstreamError } from './clients/http.ts';
import type { Logger } from './logger.ts';

/** The one error the services throw; the handler turns it into DESIGN.md's error shape. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly pointer?: string,
    readonly extra: ReadonlyArray<{ code: string; title: string; pointer?: string }> = [],
  ) {
    super(title);
    this.name = 'AppError';
  }
}

export interface ErrorBody {
  errors: Array<{ code: string; title: string; source?: { pointer: string } }>;
}

export function errorBody(
  items: ReadonlyArray<{ code: string; title: string; pointer?: string }>,
): ErrorBody {
  return {
    errors: items.map(({ code, title, pointer }) =>
      pointer === undefined ? { code, title } : { code, title, source: { pointer } },
    ),
  };
}

/** The environment variables holding the key each upstream checks: named in logs, never valued. */
export function keyVariables(service: string): string {
  return service === 'checkr-pay'
    ? 'CHECKR_PAY_ACCESS_KEY/CHECKR_PAY_SECRET_KEY'
    : 'CHECKR_API_KEY';
}

/**
 * An upstream error no service turned into its own answer. A refused key is the operator's to
 * fix: one error line names the variable (never its value) and the browser gets a 502 it can
 * show as "not working right now", not a "bad request" of its own.
 */
export function upstreamAppError(error: UpstreamError, logger: Logger): AppError {
  if (error.failure === 'auth') {
    const variable = keyVariables(error.service);
    logger.error(`${variable} refused by ${error.service}: set a valid key for this environment`, {
      service: error.service,
      status: error.status,
      variable,
    });
    return new AppError(
      502,
      'upstream_auth_failed',
      'The BFF could not sign in to Checkr; the operator has been told',
    );
  }
  return new AppError(502, 'upstream_unavailable', 'Checkr could not be reached; try again');
}

export const notFound: RequestHandler = () => {
  throw new AppError(404, 'not_found', 'No such route');
};

/**
 * Every error leaves in one shape, with no stack and no request data in it. Body-parser errors
 * (bad JSON, too large) keep their 4xx status; anything unexpected is a 500 whose detail goes to
 * the log under a correlation id, never to the client.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (res.headersSent) return;
    if (error instanceof UpstreamError) error = upstreamAppError(error, logger);
    if (error instanceof AppError) {
      res
        .status(error.status)
        .json(
          errorBody([
            { code: error.code, title: error.title, pointer: error.pointer },
            ...error.extra,
          ]),
        );
      return;
    }
    const status =
      typeof error?.status === 'number' && error.status >= 400 && error.status < 500
        ? error.status
        : 500;
    if (status < 500) {
      const code =
        error?.type === 'entity.too.large'
          ? 'body_too_large'
          : error?.type === 'entity.parse.failed'
            ? 'body_invalid_json'
            : 'bad_request';
      const title =
        code === 'body_too_large'
          ? 'Request body is too large'
          : code === 'body_invalid_json'
            ? 'Request body is not valid JSON'
            : 'Bad request';
      res.status(status).json(errorBody([{ code, title }]));
      return;
    }
    logger.error('unhandled error', {
      route: req.route?.path ?? 'unmatched',
      method: req.method,
      error: String(error?.name ?? 'Error'),
    });
    res
      .status(500)
      .json(errorBody([{ code: 'internal_error', title: 'Something went wrong on our side' }]));
  };
}
