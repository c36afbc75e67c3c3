import type { Hook } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { DomainError, RateLimitedError } from "../core/errors.js";
import { ConflictError, LastManagerError, StoreUnavailableError } from "../core/ports.js";
import { lastManager } from "../core/teams.js";

/** The one error shape of the API. */
export interface ApiError {
  error: { code: string; message: string; details?: unknown };
}

export function errorBody(code: string, message: string, details?: unknown): ApiError {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Zod failures become 400s that name each offending field. */
// biome-ignore lint/suspicious/noExplicitAny: one hook serves every route, whatever its input and env types
export const validationHook: Hook<any, any, any, any> = (result, c) => {
  if (result.success) return;
  const details = result.error.issues.map((issue) => {
    // Our own rules carry their Chinese wording along; the web app shows the reader's language.
    const zh = issue.code === "custom" ? (issue.params as { zh?: unknown } | undefined)?.zh : undefined;
    return {
      path: issue.path.map(String).join("."),
      message: issue.message,
      ...(typeof zh === "string" ? { zh } : {}),
    };
  });
  return c.json(errorBody("invalid_request", "the request does not match the API's schema", details), 400);
};

function isBadCursor(err: Error): boolean {
  return err.name === "BadCursorError";
}

/** Maps every thrown error to the JSON shape; a client's mistake is never a 500. */
export function onError(err: Error, c: Context): Response {
  if (err instanceof DomainError) {
    // A rate limit says when it lifts, as HTTP clients expect it.
    if (err instanceof RateLimitedError) c.header("Retry-After", String(Math.max(1, err.retryAfterSeconds)));
    else {
      const retryAfter = (err.details as { retryAfter?: unknown } | undefined)?.retryAfter;
      if (err.status === 429 && typeof retryAfter === "number") c.header("Retry-After", String(retryAfter));
    }
    return c.json(errorBody(err.code, err.message, err.details), err.status as ContentfulStatusCode);
  }
  // The store's count refused the write: the same 409 whichever route tried to leave no manager.
  if (err instanceof LastManagerError) return onError(lastManager(), c);
  if (err instanceof ConflictError)
    return c.json(errorBody("conflict", "someone changed this first; reload and retry"), 409);
  if (err instanceof StoreUnavailableError) {
    c.header("Retry-After", "2");
    return c.json(errorBody("store_unavailable", "the database cannot be reached; try again shortly"), 503);
  }
  if (isBadCursor(err))
    return c.json(
      errorBody("invalid_request", "the cursor is not valid", [
        { path: "cursor", message: "invalid cursor" },
      ]),
      400,
    );
  if (err instanceof HTTPException) {
    const status = err.status;
    const code =
      status === 413
        ? "payload_too_large"
        : status === 401
          ? "unauthenticated"
          : status === 415
            ? "unsupported_media_type"
            : "bad_request";
    return c.json(errorBody(code, err.message || "bad request"), status as ContentfulStatusCode);
  }
  if (err instanceof SyntaxError) return c.json(errorBody("invalid_json", "the body is not valid JSON"), 400);
  // Log the kind of failure, never the request body (it may carry secrets such as webhook URLs).
  console.error(
    JSON.stringify({
      level: "error",
      msg: "unhandled",
      name: err.name,
      message: err.message,
      route: c.req.routePath,
    }),
  );
  return c.json(errorBody("internal", "something went wrong on our side"), 500);
}

export function notFoundHandler(c: Context): Response {
  return c.json(errorBody("not_found", `no route ${c.req.method} ${c.req.path}`), 404);
}
