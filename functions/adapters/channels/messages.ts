import { createHmac } from "node:crypto";
import type { ChannelKind, Contact, PageMessage } from "../../core/ports.js";
import type { Lang } from "../../core/vocabulary.js";

/**
 * What each channel's webhook receives for one page: pure functions of (contact, message, clock), so
 * a payload can be checked byte for byte without a network. Formats and limits are described, with
 * their sources, in README.md next to this file.
 */

/** The design's safety rule: every outbound message starts with this, so nobody mistakes a drill for an incident. */
import { DRILL_MARKER } from "../../core/notifier.js";

export { DRILL_MARKER };

export interface ChannelRequest {
  url: string;
  headers: Record<string, string>;
  /** The exact bytes sent, and the bytes our generic webhook signature covers. */
  body: string;
}

/**
 * Vendor limits, or our own caps where the vendor documents none we could verify. The marker and the
 * acknowledgement link are never cut; the page text gives way first, then the title after the marker.
 */
export const LIMITS = {
  /** WeCom robot: markdown.content at most 4096 bytes of UTF-8 (errcode 40058 beyond). */
  wecomMarkdownBytes: 4096,
  /** DingTalk robot: no documented markdown limit; a page longer than this is not read anyway. */
  dingtalkMarkdownBytes: 4096,
  /** Feishu custom bot: the whole request body at most 20 KB. */
  feishuBodyBytes: 20_000,
  /** Slack Block Kit: header plain_text 150 characters, section text 3000. */
  slackHeaderChars: 150,
  slackSectionChars: 3000,
  /** Slack truncates top-level text far later; the fallback only feeds notifications. */
  slackFallbackChars: 3000,
  /** Our own webhook: generous, but bounded so a runaway scenario text cannot make a huge request. */
  webhookTextBytes: 16_384,
} as const;

const LABELS: Record<Lang, { ack: string; notice: string }> = {
  zh: { ack: "一键确认收到", notice: "这是一次演练，不是真实事故。" },
  en: { ack: "Acknowledge", notice: "This is a drill, not a real incident." },
};

const JSON_HEADERS = {
  "content-type": "application/json; charset=utf-8",
  "user-agent": "yanlian-pager/1",
};

const ELLIPSIS = "…";

export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** Titles are one line: a newline would push the marker out of notification previews. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function withMarker(title: string): string {
  const line = oneLine(title);
  return line.startsWith(DRILL_MARKER) ? line : `${DRILL_MARKER} ${line}`.trimEnd();
}

/** Cuts on code points, not UTF-16 units, so a cut never leaves half a character behind. */
function cut(points: readonly string[], keep: number): string {
  return keep >= points.length ? points.join("") : `${points.slice(0, keep).join("")}${ELLIPSIS}`;
}

/** The largest prefix of `text` (in code points) for which `fits` holds, or null if not even "…" fits. */
function longestFitting(text: string, fits: (candidate: string) => boolean): string | null {
  if (fits(text)) return text;
  const points = [...text];
  let lo = 0;
  let hi = points.length - 1;
  let best: string | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const candidate = cut(points, mid);
    if (fits(candidate)) {
      best = candidate;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return best;
}

/**
 * Shrinks the text, then the title after the marker, until `size(title, text) <= limit`. If even the
 * bare marker does not fit, the vendor will refuse the message and the page fails visibly, which is
 * better than a page without its marker or its link.
 */
export function fitTitleAndText(
  title: string,
  text: string,
  limit: number,
  size: (title: string, text: string) => number,
): { title: string; text: string } {
  const shorterText = longestFitting(text, (t) => size(title, t) <= limit);
  if (shorterText !== null) return { title, text: shorterText };
  const rest = title.slice(DRILL_MARKER.length).trimStart();
  const shorterRest = longestFitting(rest, (r) => size(`${DRILL_MARKER} ${r}`.trimEnd(), "") <= limit);
  return { title: `${DRILL_MARKER} ${shorterRest ?? ""}`.trimEnd(), text: "" };
}

interface Parts {
  title: string;
  text: string;
  mention: string;
  ackUrl: string;
  ack: string;
  notice: string;
}

function parts(contact: Contact, message: PageMessage): Parts {
  const labels = LABELS[message.lang] ?? LABELS.zh;
  const name = oneLine(message.recipientName || contact.name);
  return {
    title: withMarker(message.title),
    text: message.text.trim(),
    mention: `@${name}`,
    ackUrl: message.ackUrl,
    ack: labels.ack,
    notice: labels.notice,
  };
}

/**
 * WeCom and DingTalk read the same markdown subset. The title is the first line, unadorned, because
 * push previews show the raw start of the content and the marker must be what people see first.
 */
function robotMarkdown(p: Parts, title: string, text: string): string {
  const lines = [title, `**${p.mention}**`];
  if (text) lines.push(text);
  lines.push(`[${p.ack}](${p.ackUrl})`, `> ${p.notice}`);
  return lines.join("\n\n");
}

function wecom(contact: Contact, p: Parts): ChannelRequest {
  const fitted = fitTitleAndText(p.title, p.text, LIMITS.wecomMarkdownBytes, (title, text) =>
    utf8Bytes(robotMarkdown(p, title, text)),
  );
  const body = { msgtype: "markdown", markdown: { content: robotMarkdown(p, fitted.title, fitted.text) } };
  return { url: contact.target, headers: { ...JSON_HEADERS }, body: JSON.stringify(body) };
}

/** DingTalk 加签: base64(HMAC-SHA256(key = secret, message = `${timestamp}\n${secret}`)), timestamp in ms. */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac("sha256", secret).update(`${timestampMs}\n${secret}`, "utf8").digest("base64");
}

function dingtalk(contact: Contact, p: Parts, now: number): ChannelRequest {
  const fitted = fitTitleAndText(p.title, p.text, LIMITS.dingtalkMarkdownBytes, (title, text) =>
    utf8Bytes(robotMarkdown(p, title, text)),
  );
  const body = {
    msgtype: "markdown",
    // DingTalk shows `title` in the chat list and the push notification, so it carries the marker too.
    markdown: { title: fitted.title, text: robotMarkdown(p, fitted.title, fitted.text) },
    at: { isAtAll: false },
  };
  let url = contact.target;
  if (contact.secret) {
    // Appended as text, not via URLSearchParams, so the access_token the manager pasted is sent untouched.
    const sign = encodeURIComponent(dingtalkSign(contact.secret, now));
    url = `${url}${url.includes("?") ? "&" : "?"}timestamp=${now}&sign=${sign}`;
  }
  return { url, headers: { ...JSON_HEADERS }, body: JSON.stringify(body) };
}

/**
 * Feishu 签名校验: base64(HMAC-SHA256(key = `${timestamp}\n${secret}`, message = empty)), timestamp in
 * seconds. Unlike DingTalk the string is the key and the message is empty; getting this backwards
 * yields code 19021 "sign match fail".
 */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac("sha256", `${timestampSeconds}\n${secret}`).update("").digest("base64");
}

function feishuCard(p: Parts, title: string, text: string) {
  const content = text ? `**${p.mention}**\n${text}` : `**${p.mention}**`;
  return {
    config: { wide_screen_mode: true },
    header: { template: "orange", title: { tag: "plain_text", content: title } },
    elements: [
      { tag: "div", text: { tag: "lark_md", content } },
      {
        tag: "action",
        actions: [
          { tag: "button", text: { tag: "plain_text", content: p.ack }, type: "primary", url: p.ackUrl },
        ],
      },
      { tag: "note", elements: [{ tag: "plain_text", content: p.notice }] },
    ],
  };
}

function feishu(contact: Contact, p: Parts, now: number): ChannelRequest {
  const signing = contact.secret
    ? (() => {
        const seconds = Math.floor(now / 1000);
        return { timestamp: String(seconds), sign: feishuSign(contact.secret, seconds) };
      })()
    : {};
  const render = (title: string, text: string) =>
    JSON.stringify({ ...signing, msg_type: "interactive", card: feishuCard(p, title, text) });
  const fitted = fitTitleAndText(p.title, p.text, LIMITS.feishuBodyBytes, (title, text) =>
    utf8Bytes(render(title, text)),
  );
  return { url: contact.target, headers: { ...JSON_HEADERS }, body: render(fitted.title, fitted.text) };
}

/** Slack mrkdwn treats these three as control characters; everything else is literal. */
function slackEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function slack(contact: Contact, p: Parts): ChannelRequest {
  const link = `<${p.ackUrl}|${slackEscape(p.ack)}>`;
  const section = (text: string) =>
    [slackEscape(p.mention), text ? slackEscape(text) : "", link].filter(Boolean).join("\n\n");
  const header = fitTitleAndText(p.title, "", LIMITS.slackHeaderChars, (title) => title.length).title;
  const text = fitTitleAndText(p.title, p.text, LIMITS.slackSectionChars, (_t, x) => section(x).length).text;
  const fallback = fitTitleAndText(
    p.title,
    "",
    LIMITS.slackFallbackChars,
    (title) => `${slackEscape(title)} ${slackEscape(p.mention)} ${link}`.length,
  ).title;
  const body = {
    text: `${slackEscape(fallback)} ${slackEscape(p.mention)} ${link}`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: header, emoji: true } },
      { type: "section", text: { type: "mrkdwn", text: section(text) } },
      {
        type: "actions",
        elements: [
          {
            type: "button",
            action_id: "acknowledge",
            style: "primary",
            text: { type: "plain_text", text: p.ack },
            url: p.ackUrl,
          },
        ],
      },
      { type: "context", elements: [{ type: "mrkdwn", text: slackEscape(p.notice) }] },
    ],
    // An unfurl is Slack's server fetching the link; it must never be what acknowledges a page.
    unfurl_links: false,
    unfurl_media: false,
  };
  return { url: contact.target, headers: { ...JSON_HEADERS }, body: JSON.stringify(body) };
}

/** Our webhook signature: hex HMAC-SHA256 over `${timestamp}.${rawBody}`, timestamp in epoch seconds. */
export function webhookSignature(secret: string, timestampSeconds: number, rawBody: string): string {
  return createHmac("sha256", secret).update(`${timestampSeconds}.${rawBody}`, "utf8").digest("hex");
}

export const WEBHOOK_EVENT = "yanlian.drill.page";

function webhook(contact: Contact, p: Parts, message: PageMessage, now: number): ChannelRequest {
  const { text } = fitTitleAndText(p.title, p.text, LIMITS.webhookTextBytes, (_t, x) => utf8Bytes(x));
  const body = JSON.stringify({
    type: WEBHOOK_EVENT,
    version: 1,
    drill: true,
    drillId: message.drillId,
    teamId: message.teamId,
    lang: message.lang,
    title: p.title,
    text,
    ackUrl: p.ackUrl,
    // `mention` is the ready-made "@name" a receiver can post as is.
    recipient: { userId: contact.userId, name: p.mention.slice(1), mention: p.mention },
  });
  const seconds = Math.floor(now / 1000);
  const headers: Record<string, string> = {
    ...JSON_HEADERS,
    "x-yanlian-event": WEBHOOK_EVENT,
    "x-yanlian-timestamp": String(seconds),
  };
  if (contact.secret) {
    headers["x-yanlian-signature"] = `sha256=${webhookSignature(contact.secret, seconds, body)}`;
  }
  return { url: contact.target, headers, body };
}

/**
 * The HTTP request that pages `contact` with `message`. `now` (epoch ms) feeds the signatures, so
 * a retry rebuilds the request with a fresh timestamp rather than replaying a stale one.
 */
export function buildRequest(contact: Contact, message: PageMessage, now: number): ChannelRequest {
  const p = parts(contact, message);
  const kind: ChannelKind = contact.channel;
  switch (kind) {
    case "wecom":
      return wecom(contact, p);
    case "dingtalk":
      return dingtalk(contact, p, now);
    case "feishu":
      return feishu(contact, p, now);
    case "slack":
      return slack(contact, p);
    case "webhook":
      return webhook(contact, p, message, now);
    default: {
      const unknown: never = kind;
      throw new Error(`unsupported channel ${String(unknown)}`);
    }
  }
}
