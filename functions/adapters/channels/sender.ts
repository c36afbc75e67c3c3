import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import {
  CHANNEL_KINDS,
  type ChannelSender,
  type Contact,
  type DeliveryResult,
  type PageMessage,
} from "../../core/ports.js";
import { buildRequest, type ChannelRequest } from "./messages.js";
import {
  type Lookup,
  type Plan,
  type ResolvedAddress,
  resolvePlan,
  systemLookup,
  type TargetPolicy,
  vetTarget,
} from "./targets.js";

/**
 * Delivers pages over HTTPS webhooks. A page is part of a drill, never its master: every failure
 * comes back as a DeliveryResult (never an exception) whose `error` is safe to store on the drill's
 * timeline — it names the status or the vendor's code, never the webhook URL, its key or the secret.
 */

export interface ChannelSenderOptions {
  /**
   * Loopback receivers (127.0.0.1, [::1], localhost) are allowed. Only the local runtime sets it, and
   * only when the operator asked at start; on AWS it is never set, so nothing pages the Lambda's host.
   */
  allowLoopback?: boolean;
  /** The resolver; tests inject one so no test depends on real DNS. */
  lookup?: Lookup;
  /**
   * Replaces the pinned HTTP transport with a fetch (a test double that needs no network). A fetch
   * cannot be told which address to connect to, so the address check still runs but nothing pins it.
   */
  fetch?: typeof fetch;
  /** The HTTP transport; the default connects to the checked address and never follows a redirect. */
  transport?: Transport;
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

/**
 * Why a target is refused before any request, or null when it may be used (before DNS: `send` also
 * resolves the name and checks every address). The rules are in targets.ts.
 */
export function checkTarget(
  target: string,
  channel: string = "webhook",
  policy: TargetPolicy = { allowLoopback: false },
): string | null {
  const vetted = vetTarget(channel, target, policy);
  return vetted.ok ? null : vetted.refusal.reason;
}

/** One request on the wire: the URL names the host (Host header, TLS name), `address` is where to connect. */
export interface OutboundRequest {
  url: URL;
  address: ResolvedAddress;
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
}

export interface OutboundResponse {
  status: number;
  retryAfter: string | null;
  /** At most MAX_BODY_CHARS of it. */
  body: string;
}

export type Transport = (request: OutboundRequest) => Promise<OutboundResponse>;

/**
 * Connects to the address that was checked, never to whatever the name resolves to a moment later:
 * the socket goes to `address`, while the Host header and the TLS server name (SNI and the certificate
 * check) stay the URL's host. Node's http client does not follow redirects, so a 3xx is just an answer.
 */
export const pinnedTransport: Transport = (request) =>
  new Promise<OutboundResponse>((resolve, reject) => {
    const { url, address, signal } = request;
    const https = url.protocol === "https:";
    const hostname = url.hostname.replace(/^\[|\]$/g, "");
    const send = https ? httpsRequest : httpRequest;
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    const outgoing = send(
      {
        method: "POST",
        host: address.address,
        family: address.family,
        port: url.port ? Number(url.port) : https ? 443 : 80,
        path: `${url.pathname}${url.search}`,
        headers: {
          ...request.headers,
          host: url.host,
          "content-length": String(Buffer.byteLength(request.body)),
        },
        agent: false,
        signal,
        // An IP is not a valid TLS server name; for a literal IP the certificate is checked against it.
        ...(https && isIP(hostname) === 0 ? { servername: hostname } : {}),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () =>
          finish(() =>
            resolve({
              status: response.statusCode ?? 0,
              retryAfter: String(response.headers["retry-after"] ?? "") || null,
              body: Buffer.concat(chunks).toString("utf8").slice(0, MAX_BODY_CHARS),
            }),
          );
        response.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          // Enough to read a vendor's verdict; the rest is not worth holding in memory.
          if (size > MAX_BODY_CHARS * 4) {
            done();
            response.destroy();
          }
        });
        response.on("end", done);
        response.on("error", (error) => finish(() => reject(error)));
      },
    );
    outgoing.on("error", (error) => finish(() => reject(error)));
    outgoing.end(request.body);
  });

/** The test seam: a fetch standing in for the network. It cannot pin, so it is never the default. */
function fetchTransport(fetchImpl: typeof fetch): Transport {
  return async (request) => {
    const response = await fetchImpl(request.url.href, {
      method: "POST",
      headers: request.headers,
      body: request.body,
      signal: request.signal,
      redirect: "manual",
    });
    return {
      status: response.status,
      retryAfter: response.headers.get("retry-after"),
      body: (await response.text()).slice(0, MAX_BODY_CHARS),
    };
  };
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
  refused?: boolean;
  code?: string;
  status?: number;
  vendorCode?: number;
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

/**
 * What a vendor's error body says, in a few safe words: Slack's `no_service`, a JSON msg, or nothing.
 * Only vendors are quoted: their hosts are fixed, so their words are about the webhook. Our generic
 * webhook can point anywhere public, and what its receiver answers is nobody's business here.
 */
function bodyDetail(contact: Contact, body: string, secrets: readonly string[]): string {
  if (contact.channel === "webhook") return "";
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
    return {
      ok: false,
      code: "unexpected_response",
      status,
      retryable: false,
      error: `HTTP ${status}: unexpected response from ${kind}`,
    };
  }
  if (code === 0) return { ok: true, status, retryable: false };
  const message = json?.[kind === "feishu" ? "msg" : "errmsg"] ?? json?.StatusMessage;
  const detail = typeof message === "string" ? safeReason(message, secrets) : "";
  return {
    ok: false,
    code: "vendor_rejected",
    status,
    vendorCode: code,
    retryable: RETRYABLE_VENDOR_CODES[kind].includes(code),
    error: detail ? `${field} ${code}: ${detail}` : `${field} ${code}`,
  };
}

function errnoOf(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = cause?.code ?? (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[A-Z][A-Z0-9_]{1,40}$/.test(code) ? code : undefined;
}

function networkReason(error: unknown): string {
  // Only the errno-style code is kept: undici's and node's messages can quote the URL or the address.
  const code = errnoOf(error);
  return code ? `network error: ${code}` : "network error";
}

/** Rejects when the signal fires, so a resolver that never answers cannot hold a page past its timeout. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

export function createChannelSender(options: ChannelSenderOptions = {}): ChannelSender {
  const policy: TargetPolicy = { allowLoopback: options.allowLoopback === true };
  const lookup = options.lookup ?? systemLookup;
  const transport = options.transport ?? (options.fetch ? fetchTransport(options.fetch) : pinnedTransport);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retries = Math.max(0, Math.floor(options.retries ?? DEFAULT_RETRIES));
  const random = options.random ?? Math.random;
  const backoff = options.backoffMs ?? ((attempt: number) => defaultBackoffMs(attempt, random));
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  async function attempt(
    contact: Contact,
    plan: Plan,
    request: ChannelRequest,
    secrets: readonly string[],
  ): Promise<Outcome> {
    const signal = AbortSignal.timeout(timeoutMs);
    let address: ResolvedAddress;
    try {
      // Resolved on every attempt and checked every time: a retry must not trust an old answer either.
      const resolved = await untilAborted(resolvePlan(plan, lookup), signal);
      if (!resolved.ok) {
        return {
          ok: false,
          refused: true,
          code: resolved.refusal.code,
          retryable: false,
          error: resolved.refusal.reason,
        };
      }
      address = resolved.address;
    } catch {
      if (signal.aborted)
        return { ok: false, code: "timeout", retryable: true, error: `timeout after ${timeoutMs} ms` };
      return {
        ok: false,
        code: "dns",
        retryable: true,
        error: "network error: the webhook host did not resolve",
      };
    }
    try {
      const response = await transport({
        url: new URL(request.url),
        address,
        headers: request.headers,
        body: request.body,
        signal,
      });
      const { status, body } = response;
      if (status >= 200 && status < 300) return vendorVerdict(contact, status, body, secrets);
      if (status >= 300 && status < 400) {
        // A redirect could carry the page, and its signature, to a host nobody checked, or to http.
        return {
          ok: false,
          code: "redirect",
          status,
          retryable: false,
          error: `HTTP ${status}: redirects are not followed`,
        };
      }
      const detail = bodyDetail(contact, body, secrets);
      const retryable = status >= 500 || status === 429 || status === 408;
      const outcome: Outcome = {
        ok: false,
        code: "http_status",
        status,
        retryable,
        error: detail ? `HTTP ${status}: ${detail}` : `HTTP ${status}`,
      };
      const wait = retryAfterMs(response.retryAfter);
      if (wait !== undefined) outcome.retryAfterMs = wait;
      return outcome;
    } catch (error) {
      if (signal.aborted)
        return { ok: false, code: "timeout", retryable: true, error: `timeout after ${timeoutMs} ms` };
      return { ok: false, code: "network", retryable: true, error: networkReason(error) };
    }
  }

  function refusedResult(code: string, reason: string, durationMs: number): DeliveryResult {
    return { ok: false, outcome: "refused", code, attempts: 0, error: reason, durationMs };
  }

  async function deliver(contact: Contact, message: PageMessage): Promise<DeliveryResult> {
    const started = now();
    const elapsed = () => Math.max(0, now() - started);
    if (!(CHANNEL_KINDS as readonly string[]).includes(contact.channel)) {
      return refusedResult("unsupported_channel", "refused: unsupported channel", elapsed());
    }
    const vetted = vetTarget(contact.channel, contact.target, policy);
    if (!vetted.ok) return refusedResult(vetted.refusal.code, vetted.refusal.reason, elapsed());

    const secrets = secretsOf(contact);
    let outcome: Outcome = { ok: false, retryable: false, error: "not sent" };
    let attempts = 0;
    while (attempts <= retries) {
      if (attempts > 0) {
        const wait = Math.max(backoff(attempts - 1), Math.min(outcome.retryAfterMs ?? 0, BACKOFF_CAP_MS));
        await sleep(wait);
      }
      const request = buildRequest(contact, message, now());
      // The request's URL is the stored target plus signing parameters: the host that was vetted.
      if (new URL(request.url).host !== vetted.plan.url.host) {
        return refusedResult("invalid_url", "refused: the webhook URL is not a valid URL", elapsed());
      }
      outcome = await attempt(contact, vetted.plan, request, secrets);
      if (outcome.refused) break;
      attempts += 1;
      if (outcome.ok || !outcome.retryable) break;
    }
    if (outcome.refused) {
      const refused = refusedResult(outcome.code ?? "blocked_address", outcome.error ?? "refused", elapsed());
      refused.attempts = attempts;
      return refused;
    }
    const result: DeliveryResult = {
      ok: outcome.ok,
      outcome: outcome.ok ? "delivered" : "failed",
      attempts,
      durationMs: elapsed(),
    };
    if (outcome.status !== undefined) result.status = outcome.status;
    if (!outcome.ok) {
      result.code = outcome.code ?? "failed";
      result.error = outcome.error ?? "failed";
      if (outcome.vendorCode !== undefined) result.vendorCode = outcome.vendorCode;
    }
    return result;
  }

  return {
    async send(contact, message) {
      try {
        return await deliver(contact, message);
      } catch {
        // Only injected collaborators (sleep, clock) or a malformed message can get here.
        return {
          ok: false,
          outcome: "failed",
          code: "internal",
          attempts: 0,
          error: "internal error while paging",
          durationMs: 0,
        };
      }
    },
    vet(contact) {
      const vetted = vetTarget(contact.channel, contact.target, policy);
      return vetted.ok ? null : vetted.refusal;
    },
  };
}
