import { lookup as dnsLookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import type { ChannelKind } from "../../core/ports.js";

/**
 * Where a page may go. A roster is written by a team's manager, so its webhook URLs are input from
 * someone who is not the operator: left alone, "send test page" is a port scanner of the network the
 * API runs in and a reader of its metadata service. Two rules close that:
 *
 * - a vendor channel (WeCom, DingTalk, Feishu, Slack) only ever reaches its vendor's documented host,
 *   over https on the default port: checked when the roster is written and again before each send;
 * - our generic signed webhook may name any public host, but the name is resolved at send time,
 *   every address it resolves to must be public, and the connection is made to the address that was
 *   checked (pinned), so a DNS answer that changes between the check and the connect cannot swap it.
 *
 * Loopback (the local stand-ins of tests and `npm start`) is allowed only when the operator says so
 * at start (`allowLoopback`), only as a literal host (127.0.0.1, [::1], localhost), never on AWS.
 */

/** The hosts each vendor documents for its incoming webhooks (sources in README.md next to this file). */
export const VENDOR_HOSTS: Record<Exclude<ChannelKind, "webhook">, readonly string[]> = {
  // developer.work.weixin.qq.com/document/path/99398: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…
  wecom: ["qyapi.weixin.qq.com"],
  // open.dingtalk.com custom robot: https://oapi.dingtalk.com/robot/send?access_token=…
  dingtalk: ["oapi.dingtalk.com"],
  // Feishu custom bot: https://open.feishu.cn/open-apis/bot/v2/hook/…; Lark: open.larksuite.com
  feishu: ["open.feishu.cn", "open.larksuite.com"],
  // Slack incoming webhooks: https://hooks.slack.com/services/…
  slack: ["hooks.slack.com"],
};

/** Why a target is refused. Each code has a zh and an en sentence in the web app. */
export const REFUSAL_CODES = [
  "invalid_url",
  "insecure_url",
  "vendor_host",
  "blocked_address",
  "unsupported_channel",
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal {
  code: RefusalCode;
  /** Safe to store and show: never the URL, its key or the address it resolved to. */
  reason: string;
}

const REASONS: Record<RefusalCode, string> = {
  invalid_url: "refused: the webhook URL is not a valid URL",
  insecure_url: "refused: webhook URLs must use https",
  vendor_host: "refused: this channel only sends to its vendor's own webhook host",
  blocked_address:
    "refused: the webhook points at a private, loopback, link-local or metadata address; pages only go to public hosts",
  unsupported_channel: "refused: unsupported channel",
};

export const refusal = (code: RefusalCode): Refusal => ({ code, reason: REASONS[code] });

export interface TargetPolicy {
  /** Literal loopback hosts (127.0.0.1, [::1], localhost) are allowed: local mode, opted in by the operator. */
  allowLoopback: boolean;
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** The resolver port: every address a name resolves to. Injected so tests control DNS. */
export type Lookup = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemLookup: Lookup = async (hostname) => {
  const found = await dnsLookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/**
 * Addresses no page may reach. Beyond the private ranges this covers the metadata services
 * (169.254.169.254 on AWS, GCP and Azure, 100.100.100.200 on Alibaba Cloud inside CGNAT space,
 * fd00:ec2::254 inside unique-local space), every form that embeds an IPv4 address in IPv6 (mapped,
 * compatible, NAT64, 6to4, Teredo), and ranges that are never a real receiver.
 */
// Two lists: a BlockList matches an IPv4 address against IPv6 rules too (as ::ffff:a.b.c.d), and the
// IPv4-mapped rule would then refuse every IPv4 address.
const BLOCKED = (() => {
  const v4list = new BlockList();
  const v6list = new BlockList();
  const v4: [string, number][] = [
    ["0.0.0.0", 8], // "this network"
    ["10.0.0.0", 8], // private
    ["100.64.0.0", 10], // CGNAT, and Alibaba Cloud's metadata at 100.100.100.200
    ["127.0.0.0", 8], // loopback
    ["169.254.0.0", 16], // link-local, the cloud metadata services
    ["172.16.0.0", 12], // private
    ["192.0.0.0", 24], // IETF protocol assignments
    ["192.0.2.0", 24], // documentation
    ["192.88.99.0", 24], // 6to4 relay anycast
    ["192.168.0.0", 16], // private
    ["198.18.0.0", 15], // benchmarking
    ["198.51.100.0", 24], // documentation
    ["203.0.113.0", 24], // documentation
    ["224.0.0.0", 4], // multicast
    ["240.0.0.0", 4], // reserved, and the broadcast address
  ];
  for (const [net, prefix] of v4) v4list.addSubnet(net, prefix, "ipv4");
  const v6: [string, number][] = [
    ["::", 128], // unspecified
    ["::1", 128], // loopback
    ["::", 96], // IPv4-compatible (deprecated)
    ["::ffff:0:0", 96], // IPv4-mapped
    ["64:ff9b::", 96], // NAT64
    ["64:ff9b:1::", 48], // local-use NAT64
    ["100::", 64], // discard
    ["2001::", 32], // Teredo
    ["2001:db8::", 32], // documentation
    ["2002::", 16], // 6to4
    ["fc00::", 7], // unique-local (fd00::/8 included), AWS's fd00:ec2::254
    ["fe80::", 10], // link-local
    ["fec0::", 10], // site-local (deprecated)
    ["ff00::", 8], // multicast
  ];
  for (const [net, prefix] of v6) v6list.addSubnet(net, prefix, "ipv6");
  return { 4: v4list, 6: v6list };
})();

/** Whether a page may be sent to this address. Anything that does not parse as an IP is not public. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return family === 6 ? !BLOCKED[6].check(address, "ipv6") : !BLOCKED[4].check(address, "ipv4");
}

function isLoopbackAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return address.startsWith("127.");
  return family === 6 && address === "::1";
}

/**
 * Names that only mean something inside a network: a single label (completed by the resolver's
 * search domains), and the suffixes of internal zones and metadata names (metadata.google.internal).
 */
const INTERNAL_SUFFIXES = [
  ".localhost",
  ".internal",
  ".local",
  ".localdomain",
  ".home.arpa",
  ".intranet",
  ".lan",
];
const INTERNAL_NAMES = new Set(["localhost", "metadata", "metadata.goog", "instance-data"]);

function isInternalName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  if (INTERNAL_NAMES.has(name)) return true;
  if (!name.includes(".")) return true;
  return INTERNAL_SUFFIXES.some((suffix) => name.endsWith(suffix));
}

/** A target that passed the checks that need no network. */
export interface Plan {
  url: URL;
  /** The host without IPv6 brackets. */
  hostname: string;
  /** Set when the host needs no DNS: a literal IP, or `localhost` in loopback mode. */
  literal?: ResolvedAddress;
}

export type Vetted = { ok: true; plan: Plan } | { ok: false; refusal: Refusal };

const refuse = (code: RefusalCode): Vetted => ({ ok: false, refusal: refusal(code) });

/**
 * The checks that need no network, made when the roster is written and again before each send:
 * the same function both times, so a roster stored before a rule existed is held to it on send.
 */
export function vetTarget(channel: string, target: string, policy: TargetPolicy): Vetted {
  if (!(["wecom", "dingtalk", "feishu", "slack", "webhook"] as const).includes(channel as ChannelKind)) {
    return refuse("unsupported_channel");
  }
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return refuse("invalid_url");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return refuse("insecure_url");
  const hostname = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const family = isIP(hostname);

  // Local stand-ins: only literal loopback, only when the operator allowed it, for any channel.
  const loopbackHost = hostname === "localhost" || (family !== 0 && isLoopbackAddress(hostname));
  if (loopbackHost) {
    if (!policy.allowLoopback) return refuse("blocked_address");
    const literal: ResolvedAddress =
      hostname === "localhost"
        ? { address: "127.0.0.1", family: 4 }
        : { address: hostname, family: family === 6 ? 6 : 4 };
    return { ok: true, plan: { url, hostname, literal } };
  }

  if (url.protocol !== "https:") return refuse("insecure_url");
  if (channel !== "webhook") {
    const hosts = VENDOR_HOSTS[channel as Exclude<ChannelKind, "webhook">];
    // The default port only: a vendor's host on another port is not the vendor's webhook.
    if (!hosts.includes(hostname) || url.port !== "") return refuse("vendor_host");
    return { ok: true, plan: { url, hostname } };
  }
  if (family !== 0) {
    if (!isPublicAddress(hostname)) return refuse("blocked_address");
    return {
      ok: true,
      plan: { url, hostname, literal: { address: hostname, family: family === 6 ? 6 : 4 } },
    };
  }
  if (isInternalName(hostname)) return refuse("blocked_address");
  return { ok: true, plan: { url, hostname } };
}

export type Resolved = { ok: true; address: ResolvedAddress } | { ok: false; refusal: Refusal };

/**
 * The send-time half: resolve the name, refuse if *any* address it resolves to is not public (a name
 * that answers both inside and outside is not one we page), and return the address to connect to.
 * Vendor hosts go through the same check: nothing is sent to a private address, whoever's name it is.
 */
export async function resolvePlan(plan: Plan, lookup: Lookup): Promise<Resolved> {
  if (plan.literal) return { ok: true, address: plan.literal };
  const addresses = await lookup(plan.hostname);
  const first = addresses[0];
  if (!first) throw Object.assign(new Error("the name resolved to no address"), { code: "ENOTFOUND" });
  if (!addresses.every((a) => isPublicAddress(a.address))) {
    return { ok: false, refusal: refusal("blocked_address") };
  }
  return { ok: true, address: first };
}
