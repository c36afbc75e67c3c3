import { DetailedError, hc, parseResponse } from "hono/client";
import type { AppType } from "../../functions/api/app.js";
import type { MessageKey } from "./i18n.js";

/** The API, typed from its routes: one origin, the session cookie rides along. */
export const client = hc<AppType>(typeof location === "undefined" ? "http://localhost" : location.origin, {
  init: { credentials: "same-origin" },
});
export const api = client.api;

/** The typed body of a 2xx answer; anything else throws a DetailedError carrying the API's error shape. */
export const call = parseResponse;

export interface FieldProblem {
  path: string;
  message: string;
  /** The API's own wording in Chinese, where it has one (password and name rules). */
  zh?: string;
  line?: number;
  /** A stable reason some fields carry (a roster's webhook: "blocked_address"), for a translated message. */
  code?: string;
}

interface ErrorShape {
  error?: { code?: string; message?: string; details?: unknown };
}

export function errorStatus(err: unknown): number | undefined {
  return err instanceof DetailedError ? Number(err.statusCode) : undefined;
}

function shapeOf(err: unknown): ErrorShape["error"] | undefined {
  if (!(err instanceof DetailedError)) return undefined;
  const detail = err.detail as { data?: ErrorShape } | ErrorShape | undefined;
  if (detail && "data" in detail) return detail.data?.error;
  return (detail as ErrorShape | undefined)?.error;
}

/** The API's error code ("not_found", "not_scored", "last_manager"…). */
export function errorCode(err: unknown): string | undefined {
  return shapeOf(err)?.code;
}

/** Per-field problems of a 400, as the API names them ("windows.0.end"). */
export function fieldProblems(err: unknown): FieldProblem[] {
  const details = shapeOf(err)?.details;
  if (!Array.isArray(details)) return [];
  return details.flatMap((d) =>
    d && typeof d === "object" && "path" in d && "message" in d
      ? [
          {
            path: String((d as FieldProblem).path),
            message: String((d as FieldProblem).message),
            ...(typeof (d as FieldProblem).zh === "string" ? { zh: (d as FieldProblem).zh } : {}),
            ...(typeof (d as FieldProblem).line === "number" ? { line: (d as FieldProblem).line } : {}),
            ...(typeof (d as FieldProblem).code === "string" ? { code: (d as FieldProblem).code } : {}),
          },
        ]
      : [],
  );
}

/** Codes whose own words say more than their status (a 409 `last_manager` is no edit conflict). */
const CODE_KEYS: Record<string, MessageKey> = {
  last_manager: "error_last_manager",
  already_member: "error_already_member",
  not_a_member: "error_not_a_member",
};

/** Which message explains a failure; the API's own words stay available for the generic case. */
export function errorKey(err: unknown): { key: MessageKey; message: string } {
  const status = errorStatus(err);
  const message = shapeOf(err)?.message ?? (err instanceof Error ? err.message : String(err));
  const own = CODE_KEYS[shapeOf(err)?.code ?? ""];
  const key: MessageKey = own
    ? own
    : status === undefined
      ? "error_network"
      : status === 401
        ? "error_unauthenticated"
        : status === 403
          ? "error_forbidden"
          : status === 404
            ? "error_not_found"
            : status === 409
              ? "error_conflict"
              : status === 429
                ? "error_rate_limited"
                : status === 503
                  ? "error_unavailable"
                  : "error_generic";
  return { key, message };
}

/** A request id so a retried click is recorded once. */
export function requestId(): string {
  return crypto.randomUUID().replace(/-/g, "");
}
