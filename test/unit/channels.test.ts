import { createHmac } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import {
  buildRequest,
  DRILL_MARKER,
  fitTitleAndText,
  LIMITS,
  utf8Bytes,
  withMarker,
} from "../../functions/adapters/channels/messages.js";
import {
  checkTarget,
  createChannelSender,
  defaultBackoffMs,
  maskWebhook,
  safeReason,
} from "../../functions/adapters/channels/sender.js";
import { isPublicAddress, VENDOR_HOSTS, vetTarget } from "../../functions/adapters/channels/targets.js";
import {
  CHANNEL_KINDS,
  type ChannelKind,
  type Contact,
  type PageMessage,
} from "../../functions/core/ports.js";

const NOW = Date.UTC(2025, 2, 14, 1, 30, 0);
/** Every name resolves to one public address: no test asks real DNS. */
const publicDns = async () => [{ address: "93.184.215.14", family: 4 as const }];
const ACK = "https://yanlian.example.com/ack/tok_4f1c9a2b7e";

const TARGETS: Record<ChannelKind, string> = {
  wecom: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7aaa-4bc4-97a0-0ec2sifa5aaa",
  dingtalk: "https://oapi.dingtalk.com/robot/send?access_token=98975521a1b23c02cdd1a9a08c6951",
  feishu: "https://open.feishu.cn/open-apis/bot/v2/hook/5e3d587e-d78e-4a07-bd07-265f269f86fd",
  slack: "https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX",
  webhook: "https://hooks.team.example.com/yanlian/pages",
};

function contact(channel: ChannelKind, secret?: string): Contact {
  return { userId: "u-chen", name: "陈晓", channel, target: TARGETS[channel], ...(secret ? { secret } : {}) };
}

function page(overrides: Partial<PageMessage> = {}): PageMessage {
  return {
    drillId: "dr-0001",
    teamId: "tm-0001",
    lang: "zh",
    title: `${DRILL_MARKER}客户凌晨 2 点要求紧急推送`,
    text: "客户在群里要求 02:15 前推送更正通知。请在 15 分钟内回复客户并给出方案。",
    ackUrl: ACK,
    recipientName: "陈晓",
    ...overrides,
  };
}

/** What a person sees first in each vendor's message: the line a push notification previews. */
function headline(kind: ChannelKind, body: string): string {
  const json = JSON.parse(body);
  switch (kind) {
    case "wecom":
      return json.markdown.content;
    case "dingtalk":
      return json.markdown.title;
    case "feishu":
      return json.card.header.title.content;
    case "slack":
      return json.text;
    case "webhook":
      return json.title;
  }
}

describe("the page every channel sends", () => {
  it.each(CHANNEL_KINDS)(
    "%s: starts with the drill marker and carries the text, @name and ack link",
    (kind) => {
      const request = buildRequest(contact(kind), page(), NOW);
      expect(headline(kind, request.body).startsWith(DRILL_MARKER)).toBe(true);
      expect(request.body).toContain("@陈晓");
      expect(request.body).toContain("请在 15 分钟内回复客户");
      expect(request.body).toContain(ACK);
      expect(request.headers["content-type"]).toBe("application/json; charset=utf-8");
    },
  );

  it.each(CHANNEL_KINDS)("%s: adds the marker when a title lacks it, and never doubles it", (kind) => {
    const bare = buildRequest(contact(kind), page({ title: "Account takeover" }), NOW);
    expect(headline(kind, bare.body).startsWith(`${DRILL_MARKER} Account takeover`)).toBe(true);
    const marked = buildRequest(contact(kind), page(), NOW);
    expect(marked.body.split(DRILL_MARKER).length).toBeGreaterThan(1);
    expect(headline(kind, marked.body)).not.toContain(`${DRILL_MARKER}${DRILL_MARKER}`);
  });

  it("speaks the message's language around the page text", () => {
    const zh = buildRequest(contact("wecom"), page(), NOW).body;
    const en = buildRequest(
      contact("wecom"),
      page({ lang: "en", text: "The client wants a push." }),
      NOW,
    ).body;
    expect(zh).toContain(`[一键确认收到](${ACK})`);
    expect(zh).toContain("这是一次演练，不是真实事故。");
    expect(en).toContain(`[Acknowledge](${ACK})`);
    expect(en).toContain("This is a drill, not a real incident.");
  });

  it("keeps a multi-line title on one line, so the marker stays first in a preview", () => {
    const request = buildRequest(contact("wecom"), page({ title: "\n  群里\n出现竞品名片" }), NOW);
    expect(JSON.parse(request.body).markdown.content.split("\n\n")[0]).toBe(
      `${DRILL_MARKER} 群里 出现竞品名片`,
    );
  });
});

describe("each vendor's format", () => {
  it("WeCom: a markdown message whose content is the page", () => {
    const json = JSON.parse(buildRequest(contact("wecom"), page(), NOW).body);
    expect(Object.keys(json)).toEqual(["msgtype", "markdown"]);
    expect(json.msgtype).toBe("markdown");
    expect(json.markdown.content).toContain(`[一键确认收到](${ACK})`);
  });

  it("WeCom: the URL is the manager's webhook, untouched", () => {
    expect(buildRequest(contact("wecom"), page(), NOW).url).toBe(TARGETS.wecom);
  });

  it("DingTalk: markdown with a title, the link in the text, nobody else @-mentioned", () => {
    const json = JSON.parse(buildRequest(contact("dingtalk"), page(), NOW).body);
    expect(json.msgtype).toBe("markdown");
    expect(json.markdown.title).toBe(`${DRILL_MARKER}客户凌晨 2 点要求紧急推送`);
    expect(json.markdown.text.startsWith(DRILL_MARKER)).toBe(true);
    expect(json.markdown.text).toContain(`[一键确认收到](${ACK})`);
    expect(json.at).toEqual({ isAtAll: false });
  });

  it("DingTalk: signing appends timestamp (ms) and the URL-encoded base64 HMAC of `timestamp\\nsecret`", () => {
    const secret = "SEC0123456789abcdef0123456789abcdef";
    const { url } = buildRequest(contact("dingtalk", secret), page(), NOW);
    const expected = createHmac("sha256", secret).update(`${NOW}\n${secret}`).digest("base64");
    expect(url).toBe(`${TARGETS.dingtalk}&timestamp=${NOW}&sign=${encodeURIComponent(expected)}`);
    expect(buildRequest(contact("dingtalk"), page(), NOW).url).toBe(TARGETS.dingtalk);
  });

  it("Feishu: an interactive card with a header, the text, and a button to the ack link", () => {
    const json = JSON.parse(buildRequest(contact("feishu"), page(), NOW).body);
    expect(json.msg_type).toBe("interactive");
    expect(json.timestamp).toBeUndefined();
    expect(json.sign).toBeUndefined();
    expect(json.card.header.title).toEqual({ tag: "plain_text", content: page().title });
    const [div, action] = json.card.elements;
    expect(div.text.tag).toBe("lark_md");
    expect(div.text.content).toContain("@陈晓");
    expect(action.actions[0]).toMatchObject({ tag: "button", url: ACK, text: { content: "一键确认收到" } });
  });

  it("Feishu: signing puts timestamp (seconds, as a string) and base64 HMAC keyed by `timestamp\\nsecret` in the body", () => {
    const secret = "nIMtb7r3N9pkXyXdtAbx6e";
    const json = JSON.parse(buildRequest(contact("feishu", secret), page(), NOW).body);
    const seconds = Math.floor(NOW / 1000);
    expect(json.timestamp).toBe(String(seconds));
    expect(json.sign).toBe(createHmac("sha256", `${seconds}\n${secret}`).update("").digest("base64"));
  });

  it("Slack: fallback text and blocks, a link button, and no unfurling of the ack link", () => {
    const json = JSON.parse(buildRequest(contact("slack"), page({ lang: "en" }), NOW).body);
    expect(json.text).toBe(`${page().title} @陈晓 <${ACK}|Acknowledge>`);
    expect(json.blocks.map((b: { type: string }) => b.type)).toEqual([
      "header",
      "section",
      "actions",
      "context",
    ]);
    expect(json.blocks[0].text).toMatchObject({ type: "plain_text", text: page().title });
    expect(json.blocks[1].text.type).toBe("mrkdwn");
    expect(json.blocks[2].elements[0]).toMatchObject({ type: "button", url: ACK });
    expect(json.unfurl_links).toBe(false);
    expect(json.unfurl_media).toBe(false);
  });

  it("Slack: escapes the three mrkdwn control characters in the page text", () => {
    const json = JSON.parse(buildRequest(contact("slack"), page({ text: "<!channel> A & B > C" }), NOW).body);
    expect(json.blocks[1].text.text).toContain("&lt;!channel&gt; A &amp; B &gt; C");
    expect(json.blocks[1].text.text).not.toContain("<!channel>");
  });

  it("our webhook: a versioned JSON event, signed over `timestamp.rawBody` when a secret is set", () => {
    const secret = "whsec_5c1d7e9f3a";
    const request = buildRequest(contact("webhook", secret), page(), NOW);
    const seconds = String(Math.floor(NOW / 1000));
    expect(JSON.parse(request.body)).toEqual({
      type: "yanlian.drill.page",
      version: 1,
      drill: true,
      drillId: "dr-0001",
      teamId: "tm-0001",
      lang: "zh",
      title: page().title,
      text: page().text,
      ackUrl: ACK,
      recipient: { userId: "u-chen", name: "陈晓", mention: "@陈晓" },
    });
    expect(request.headers["x-yanlian-timestamp"]).toBe(seconds);
    const mac = createHmac("sha256", secret).update(`${seconds}.${request.body}`).digest("hex");
    expect(request.headers["x-yanlian-signature"]).toBe(`sha256=${mac}`);
    expect(buildRequest(contact("webhook"), page(), NOW).headers["x-yanlian-signature"]).toBeUndefined();
  });
});

describe("vendor limits: the text gives way, never the marker or the link", () => {
  const longText = "群里突然出现大量竞品名片，冒充老师私聊家长。".repeat(600);
  const longTitle = `${DRILL_MARKER}${"标题很长".repeat(400)}`;

  /** A lone surrogate does not survive a round trip through UTF-8: it comes back as U+FFFD. */
  function isWholeUtf8(text: string): boolean {
    return Buffer.from(text, "utf8").toString("utf8") === text;
  }

  it("WeCom: markdown content stays within 4096 bytes", () => {
    const content = JSON.parse(buildRequest(contact("wecom"), page({ text: longText }), NOW).body).markdown
      .content;
    expect(utf8Bytes(content)).toBeLessThanOrEqual(LIMITS.wecomMarkdownBytes);
    expect(utf8Bytes(content)).toBeGreaterThan(LIMITS.wecomMarkdownBytes - 64);
    expect(content.startsWith(DRILL_MARKER)).toBe(true);
    expect(content).toContain(`[一键确认收到](${ACK})`);
    expect(content).toContain("…");
    expect(isWholeUtf8(content)).toBe(true);
  });

  it("WeCom: a title too long for the limit is cut after the marker, and the link survives", () => {
    const content = JSON.parse(
      buildRequest(contact("wecom"), page({ title: longTitle, text: longText }), NOW).body,
    ).markdown.content;
    expect(utf8Bytes(content)).toBeLessThanOrEqual(LIMITS.wecomMarkdownBytes);
    expect(content.startsWith(DRILL_MARKER)).toBe(true);
    expect(content).toContain(ACK);
  });

  it("DingTalk: markdown text stays within our 4096-byte cap", () => {
    const json = JSON.parse(buildRequest(contact("dingtalk", "SECx"), page({ text: longText }), NOW).body);
    expect(utf8Bytes(json.markdown.text)).toBeLessThanOrEqual(LIMITS.dingtalkMarkdownBytes);
    expect(json.markdown.text).toContain(ACK);
  });

  it("Feishu: the whole signed request body stays under 20 KB", () => {
    const { body } = buildRequest(contact("feishu", "secret"), page({ text: longText.repeat(3) }), NOW);
    expect(utf8Bytes(body)).toBeLessThanOrEqual(LIMITS.feishuBodyBytes);
    const json = JSON.parse(body);
    expect(json.card.header.title.content.startsWith(DRILL_MARKER)).toBe(true);
    expect(json.card.elements[1].actions[0].url).toBe(ACK);
  });

  it("Slack: header within 150 characters and section within 3000, link in both places", () => {
    const json = JSON.parse(
      buildRequest(contact("slack"), page({ title: longTitle, text: longText }), NOW).body,
    );
    expect(json.blocks[0].text.text.length).toBeLessThanOrEqual(LIMITS.slackHeaderChars);
    expect(json.blocks[0].text.text.startsWith(DRILL_MARKER)).toBe(true);
    expect(json.blocks[1].text.text.length).toBeLessThanOrEqual(LIMITS.slackSectionChars);
    expect(json.blocks[1].text.text).toContain(`<${ACK}|`);
    expect(json.text.length).toBeLessThanOrEqual(LIMITS.slackFallbackChars);
    expect(json.text).toContain(ACK);
  });

  it("never splits a character made of two UTF-16 units", () => {
    const emoji = "🚨".repeat(5000);
    const content = JSON.parse(buildRequest(contact("wecom"), page({ text: emoji }), NOW).body).markdown
      .content;
    expect(isWholeUtf8(content)).toBe(true);
    expect(content).toMatch(/🚨…/);
  });

  it("fitTitleAndText leaves what already fits alone", () => {
    expect(fitTitleAndText("t", "text", 100, (a, b) => a.length + b.length)).toEqual({
      title: "t",
      text: "text",
    });
  });

  it("withMarker is idempotent", () => {
    expect(withMarker(withMarker("x"))).toBe(`${DRILL_MARKER} x`);
  });
});

describe("targets and secrets", () => {
  it("accepts a vendor's own host for its channel", () => {
    expect(checkTarget("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", "wecom")).toBeNull();
  });

  it.each(["http://127.0.0.1:8787/hook", "http://localhost:8787/hook", "http://[::1]:8787/hook"])(
    "accepts %s only when the operator allowed loopback",
    (target) => {
      expect(checkTarget(target, "webhook", { allowLoopback: true })).toBeNull();
      expect(checkTarget(target)).toMatch(/^refused: .*private, loopback/);
    },
  );

  it.each([
    "http://hooks.team.example.com/pages",
    "http://127.0.0.1.nip.io/hook",
    "ftp://127.0.0.1/hook",
    "javascript:alert(1)",
  ])("refuses %s: only https leaves the machine", (target) => {
    expect(checkTarget(target)).toMatch(/^refused: .*https/);
  });

  it("refuses what is not a URL without quoting it", () => {
    expect(checkTarget("key=693a91f6 not a url")).toBe("refused: the webhook URL is not a valid URL");
  });

  it("masks a webhook down to its host and the last four characters of its key", () => {
    expect(maskWebhook(TARGETS.wecom)).toBe("https://qyapi.weixin.qq.com/…5aaa");
    expect(maskWebhook(TARGETS.feishu)).toBe("https://open.feishu.cn/…86fd");
    expect(maskWebhook("https://hooks.team.example.com/p")).toBe("https://hooks.team.example.com/…");
    expect(maskWebhook("not a url")).toBe("(invalid URL)");
  });

  it("reduces a vendor message to its words: no hint, no IP trail, no URL, no secret", () => {
    const raw =
      "invalid webhook url, hint: [1714538355214402498975046], from ip: 119.2.196.241, more info at https://open.work.weixin.qq.com/devtool/query?e=93000";
    expect(safeReason(raw)).toBe("invalid webhook url");
    expect(
      safeReason("token 98975521a1b23c02 is invalid, see https://x.example/y", ["98975521a1b23c02"]),
    ).toBe("token *** is invalid, see (url)");
    expect(safeReason("x".repeat(500)).length).toBeLessThanOrEqual(120);
  });

  it("backs off 500 ms doubling to a cap, with at most 20 % jitter", () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => defaultBackoffMs(n, () => 0))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000,
    ]);
    expect(defaultBackoffMs(0, () => 0.999)).toBeLessThanOrEqual(600);
  });
});

describe("the sender without a network", () => {
  it("refuses a remote plain-http target without making any request", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    const sender = createChannelSender({ fetch, lookup: publicDns });
    const target = "http://hooks.team.example.com/pages?token=tok_live_7b1e2f";
    const result = await sender.send({ ...contact("webhook"), target }, page());
    expect(fetch).not.toHaveBeenCalled();
    expect(result).toMatchObject({ ok: false, attempts: 0 });
    expect(result.error).toContain("https");
    expect(result.error).not.toContain("tok_live_7b1e2f");
    expect(result.error).not.toContain("hooks.team.example.com");
  });

  it("refuses a channel it does not know instead of throwing", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    const odd = { ...contact("webhook"), channel: "pager" as ChannelKind };
    const result = await createChannelSender({ fetch, lookup: publicDns }).send(odd, page());
    expect(result).toMatchObject({ ok: false, attempts: 0, error: "refused: unsupported channel" });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("reports a network failure by its code only, even when the error quotes the URL", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => {
      throw new TypeError(`fetch failed for ${TARGETS.wecom}`, { cause: { code: "ENOTFOUND" } });
    });
    const sleep = vi.fn(async () => {});
    const result = await createChannelSender({ fetch, lookup: publicDns, sleep, retries: 2 }).send(
      contact("wecom"),
      page(),
    );
    expect(result).toMatchObject({ ok: false, attempts: 3, error: "network error: ENOTFOUND" });
    expect(sleep).toHaveBeenCalledTimes(2);
  });

  it("never throws, even when an injected collaborator does", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => new Response("", { status: 503 }));
    const sleep = async () => {
      throw new Error("clock broke");
    };
    const result = await createChannelSender({ fetch, lookup: publicDns, sleep }).send(
      contact("slack"),
      page(),
    );
    expect(result.ok).toBe(false);
    expect(result.error).toBe("internal error while paging");
  });

  it("waits what the default backoff says between attempts when no backoff is given", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => new Response("", { status: 502 }));
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
    };
    const result = await createChannelSender({ fetch, lookup: publicDns, sleep, random: () => 0 }).send(
      contact("slack"),
      page(),
    );
    expect(result).toMatchObject({ ok: false, attempts: 4, status: 502, error: "HTTP 502" });
    expect(waits).toEqual([500, 1000, 2000]);
  });

  it("signs each attempt afresh with the clock's time", async () => {
    const seen: string[] = [];
    const fetch = vi.fn<typeof globalThis.fetch>(async (url) => {
      seen.push(String(url));
      return new Response(JSON.stringify({ errcode: seen.length < 2 ? 130101 : 0, errmsg: "ok" }));
    });
    let clock = NOW;
    const now = () => (clock += 1000);
    const result = await createChannelSender({ fetch, lookup: publicDns, now, sleep: async () => {} }).send(
      contact("dingtalk", "SECabc"),
      page(),
    );
    expect(result).toMatchObject({ ok: true, attempts: 2 });
    const stamps = seen.map((u) => new URL(u).searchParams.get("timestamp"));
    expect(stamps[0]).not.toBe(stamps[1]);
  });
});

describe("where a page may go (targets.ts)", () => {
  it.each([
    ["93.184.215.14", true],
    ["8.8.8.8", true],
    ["2606:4700:4700::1111", true],
    ["10.1.2.3", false],
    ["100.100.100.200", false],
    ["169.254.169.254", false],
    ["172.31.255.255", false],
    ["192.168.0.1", false],
    ["127.0.0.53", false],
    ["0.0.0.0", false],
    ["::1", false],
    ["fd00:ec2::254", false],
    ["fe80::1", false],
    ["::ffff:8.8.8.8", false],
    ["64:ff9b::a9fe:a9fe", false],
    ["2002:a9fe:a9fe::1", false],
    ["not-an-ip", false],
  ])("%s is public: %s", (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  it("a vendor channel takes only its vendor's hosts, over https on the default port", () => {
    for (const [kind, hosts] of Object.entries(VENDOR_HOSTS)) {
      for (const host of hosts) {
        expect(vetTarget(kind, `https://${host}/x?key=k`, { allowLoopback: false }).ok).toBe(true);
        expect(vetTarget(kind, `https://${host}:8443/x`, { allowLoopback: false }).ok).toBe(false);
        expect(vetTarget(kind, `http://${host}/x`, { allowLoopback: false }).ok).toBe(false);
        expect(vetTarget(kind, `https://${host}.example.net/x`, { allowLoopback: false }).ok).toBe(false);
      }
    }
  });
});
