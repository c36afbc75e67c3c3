/**
 * Errors the domain raises for a caller's mistake. The API turns each into one JSON shape
 * (`{ error: { code, message, details } }`) with a 4xx status; none of them is ever a 500.
 */
export class DomainError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string) => new DomainError(404, "not_found", `${what} not found`);
export const forbidden = (message = "your role in this team does not allow this") =>
  new DomainError(403, "forbidden", message);
export const invalid = (message: string, details?: unknown) =>
  new DomainError(400, "invalid_request", message, details);
export const conflict = (message: string, details?: unknown) =>
  new DomainError(409, "conflict", message, details);

/** A 429: the caller is over a limit. `retryAfterSeconds` becomes the Retry-After header. */
export class RateLimitedError extends DomainError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, code, message);
    this.name = "RateLimitedError";
  }
}
