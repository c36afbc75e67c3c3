import {
  CHANNEL_KINDS,
  type ChannelSender,
  type Contact,
  type DeliveryResult,
  type PageMessage,
} from "../../core/ports.js";
import { buildRequest, type ChannelRequest } from "./messages.js";

/**
 * Delivers pages over HTTPS webhooks. A page is part of a drill, never its master: every failure
 * comes back as a DeliveryResult (never an exception) whose `error` is safe to store on the drill's
 * timeline — it names the status or the vendor's code, never the webhook URL, its key or the secret.
 */

export interface ChannelSenderOptions {
  fetch?: typeof fetch;
  /** Per attempt, covering the response body too. */
  timeoutMs?: number;
  /** Further attempts after the first; 3 means at most 4 requests. */
  retries?: number;
  /** Wait before retry number `attempt` (0 for the first retry). */
  backoffMs?: (attempt: number) => number;
  /** Jitter source for the default backoff; `() => 0` makes it exact. */
  random?: () => number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 5000;
export const DEFAULT_RETRIES = 3;
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 8000;
const MAX_ERROR_CHARS = 120;
/** A vendor body is a few hundred bytes; anything longer is not worth holding in memory. */
const MAX_BODY_CHARS = 16_384;

/**
 * Vendor codes, answered with HTTP 200, that mean "later" rather than "never". Everything else a
 * vendor rejects (bad key, bad signature, keyword missing, message too long) will fail the same way
 * again, so retrying would only delay the page_failed entry the scorecard needs.
 */
const RETRYABLE_VENDOR_CODES: Record<"wecom" | "dingtalk" | "feishu", readonly number[]> = {
  // -1 system busy ("建议重试"), 45009 API frequency limit.
  wecom: [-1, 45009],
  // -1 system busy, 130101 more than 20 messages a minute.
  dingtalk: [-1, 130101],
  // 11232 custom-bot frequency limit, 99991400 platform frequency limit.
  feishu: [11232, 99991400],
};

export function defaultBackoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return Math.round(base * (1 + 0.2 * random()));
}

/** Local receivers (tests, `npm start`) speak plain HTTP; anything that leaves the machine must not. */
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Why a target is refused before any request, or null when it may be used. */
export function checkTarget(target: string): string | null {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return "refused: the webhook URL is not a valid URL";
  }
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname)) return null;
  return "refused: webhook URLs must use https (plain http only for localhost)";
}

/**
 * Enough of a webhook to tell two apart in a settings screen, not enough to use it:
 * `https://qyapi.weixin.qq.com/…a1b2`.
 */
export function maskWebhook(target: string): string {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return "(invalid URL)";
  }
  const token =
    url.searchParams.get("key") ??
    url.searchParams.get("access_token") ??
    url.pathname.split("/").filter(Boolean).pop() ??
    "";
  const tail = token.length >= 16 ? token.slice(-4) : "";
  return `${url.protocol}//${url.host}/…${tail}`;
}

/** Every fragment of the contact that must never appear in an error: the URL, its parts, the secret. */
function secretsOf(contact: Contact): string[] {
  const found = [contact.target];
  if (contact.secret) found.push(contact.secret);
  try {
    const url = new URL(contact.target);
    for (const value of url.searchParams.values()) found.push(value);
    for (const segment of url.pathname.split("/")) found.push(segment);
    found.push(url.search);
  } catch {
    // An unparseable target is refused before any request; the whole string is already listed.
  }
  // Short fragments ("api", "v2") are harmless and would redact ordinary words.
  return found.filter((s) => s.length >= 8).sort((a, b) => b.length - a.length);
}

/**
 * Shortens a vendor's message to what helps a manager fix the contact. WeCom appends
 * ", hint: [...], from ip: ..., more info at https://..." — useful to nobody reading a scorecard.
 */
export function safeReason(raw: string, secrets: readonly string[] = []): string {
  let text = raw.split(/,?\s*hint:/i)[0] ?? "";
  for (const secret of secrets) text = text.split(secret).join("***");
  text = text
    .replace(/\bhttps?:\/\/\S+/gi, "(url)")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS - 1)}…` : text;
}

interface Outcome {
  ok: boolean;
  status?: number;
  retryable: boolean;
  error?: string;
  retryAfterMs?: number;
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** What a response body says, in a few safe words: Slack's `no_service`, a JSON msg, or nothing. */
function bodyDetail(body: string, secrets: readonly string[]): string {
  const trimmed = body.trim();
  if (/^[a-z][a-z0-9_]{1,60}$/.test(trimmed)) return trimmed;
  const json = parseJson(trimmed);
  const message = json?.errmsg ?? json?.msg ?? json?.error ?? json?.message;
  return typeof message === "string" ? safeReason(message, secrets) : "";
}

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** A vendor's verdict on a 2xx: WeCom and DingTalk say errcode, Feishu says code (StatusCode on old APIs). */
function vendorVerdict(contact: Contact, status: number, body: string, secrets: readonly string[]): Outcome {
  const kind = contact.channel;
  if (kind === "slack" || kind === "webhook") return { ok: true, status, retryable: false };
  const json = parseJson(body);
  const field = kind === "feishu" ? "code" : "errcode";
  const code = json?.[field] ?? (kind === "feishu" ? json?.StatusCode : undefined);
  if (typeof code !== "number") {
    return { ok: false, status, retryable: false, error: `HTTP ${status}: unexpected response from ${kind}` };
  }
  if (code === 0) return { ok: true, status, retryable: false };
  const message = json?.[kind === "feishu" ? "msg" : "errmsg"] ?? json?.StatusMessage;
  const detail = typeof message === "string" ? safeReason(message, secrets) : "";
  return {
    ok: false,
    status,
    retryable: RETRYABLE_VENDOR_CODES[kind].includes(code),
    error: detail ? `${field} ${code}: ${detail}` : `${field} ${code}`,
  };
}

function networkReason(error: unknown): string {
  // Only the errno-style code is kept: undici's messages can quote the URL it failed to reach.
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = cause?.code ?? (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[A-Z][A-Z0-9_]{1,40}$/.test(code)
    ? `network error: ${code}`
    : "network error";
}

export function createChannelSender(options: ChannelSenderOptions = {}): ChannelSender {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retries = Math.max(0, Math.floor(options.retries ?? DEFAULT_RETRIES));
  const random = options.random ?? Math.random;
  const backoff = options.backoffMs ?? ((attempt: number) => defaultBackoffMs(attempt, random));
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  async function attempt(contact: Contact, request: ChannelRequest, secrets: readonly string[]) {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetchImpl(request.url, {
        method: "POST",
        headers: request.headers,
        body: request.body,
        signal,
        // A redirect could carry the page, and its signature, to a host nobody configured, or to http.
        redirect: "manual",
      });
      const body = (await response.text()).slice(0, MAX_BODY_CHARS);
      const status = response.status;
      if (status >= 200 && status < 300) return vendorVerdict(contact, status, body, secrets);
      const detail = bodyDetail(body, secrets);
      const error = detail ? `HTTP ${status}: ${detail}` : `HTTP ${status}`;
      if (status >= 300 && status < 400) {
        return { ok: false, status, retryable: false, error: `HTTP ${status}: redirects are not followed` };
      }
      const retryable = status >= 500 || status === 429 || status === 408;
      return {
        ok: false,
        status,
        retryable,
        error,
        retryAfterMs: retryAfterMs(response.headers.get("retry-after")),
      } satisfies Outcome;
    } catch (error) {
      if (signal.aborted) return { ok: false, retryable: true, error: `timeout after ${timeoutMs} ms` };
      return { ok: false, retryable: true, error: networkReason(error) } satisfies Outcome;
    }
  }

  async function deliver(contact: Contact, message: PageMessage): Promise<DeliveryResult> {
    const started = now();
    const elapsed = () => Math.max(0, now() - started);
    if (!(CHANNEL_KINDS as readonly string[]).includes(contact.channel)) {
      return { ok: false, attempts: 0, error: "refused: unsupported channel", durationMs: elapsed() };
    }
    const refused = checkTarget(contact.target);
    if (refused) return { ok: false, attempts: 0, error: refused, durationMs: elapsed() };

    const secrets = secretsOf(contact);
    let outcome: Outcome = { ok: false, retryable: false, error: "not sent" };
    let attempts = 0;
    while (attempts <= retries) {
      if (attempts > 0) {
        const wait = Math.max(backoff(attempts - 1), Math.min(outcome.retryAfterMs ?? 0, BACKOFF_CAP_MS));
        await sleep(wait);
      }
      attempts += 1;
      outcome = await attempt(contact, buildRequest(contact, message, now()), secrets);
      if (outcome.ok || !outcome.retryable) break;
    }
    const result: DeliveryResult = { ok: outcome.ok, attempts, durationMs: elapsed() };
    if (outcome.status !== undefined) result.status = outcome.status;
    if (!outcome.ok) result.error = outcome.error ?? "failed";
    return result;
  }

  return {
    async send(contact, message) {
      try {
        return await deliver(contact, message);
      } catch {
        // Only injected collaborators (sleep, clock) or a malformed message can get here.
        return { ok: false, attempts: 0, error: "internal error while paging", durationMs: 0 };
      }
    },
  };
}
