/**
 * Domain errors carry a stable `code` (for clients and tests), an HTTP-ish `status` and a message in
 * plain Simplified Chinese for the people reading it. One mapper (`http/error-mapper.ts`) turns them
 * into `{"error":{"code","message"}}`; nothing else serialises an error.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503,
    options?: { cause?: unknown; details?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.details = options?.details;
  }
  readonly details: unknown;
}

export class ValidationError extends DomainError {
  constructor(message: string, details?: unknown) {
    super('invalid_request', message, 400, { details });
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = '缺少或无效的访问令牌') {
    super('unauthorized', message, 401);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = '无权执行此操作') {
    super('forbidden', message, 403);
  }
}

export class NotFoundError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message, 404);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, details?: unknown) {
    super(code, message, 409, { details });
  }
}

/** The database or another dependency is not answering: a retryable 503, never a 500. */
export class UnavailableError extends DomainError {
  constructor(message = '服务暂时不可用，请稍后重试', cause?: unknown) {
    super('unavailable', message, 503, { cause });
  }
}
