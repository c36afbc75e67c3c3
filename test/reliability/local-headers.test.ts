import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import * as s3deploy from "aws-cdk-lib/aws-s3-deployment";
import { Window } from "happy-dom";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DOCS_CSP, SITE_CSP } from "../../functions/api/security-headers.js";
import type { Store } from "../../functions/core/ports.js";
import { serveWeb } from "../../functions/local/web.js";
import { Web } from "../../infra/constructs/web.js";
import { composeApi } from "../support/http.js";

/**
 * Issue 13, item 7: `npm start` was weaker than the deployed site. Its pages came without the CSP,
 * frame and referrer headers CloudFront adds, so a framing or injection bug would only show once
 * deployed; and /api/docs loaded Swagger UI from a CDN, unpinned: blank offline, and a third party's
 * script running on the origin that holds the session cookie.
 */

let dist = "";
let web: Hono;

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), "yanlian-web-"));
  await mkdir(join(dist, "assets"));
  await writeFile(
    join(dist, "index.html"),
    '<!doctype html><script type="module" src="/assets/app.js"></script>',
  );
  await writeFile(join(dist, "assets", "app.js"), "console.log(1)");
  web = new Hono();
  web.use("*", serveWeb(dist));
});

afterAll(async () => {
  await rm(dist, { recursive: true, force: true });
});

/** What CloudFront's response-headers policy for the site says, read from the synthesized template. */
function cloudFrontSiteHeaders() {
  const app = new App({ context: { "aws:cdk:bundling-stacks": [] } });
  const stack = new Stack(app, "HeadersOnly");
  new Web(stack, "Web", {
    assets: s3deploy.Source.data("index.html", "<!doctype html>"),
    apiDomainName: "api.example.com",
    production: false,
  });
  interface SecurityHeaders {
    ContentSecurityPolicy?: { ContentSecurityPolicy: string };
    FrameOptions: { FrameOption: string };
    ReferrerPolicy: { ReferrerPolicy: string };
    ContentTypeOptions: unknown;
  }
  const policies = Object.values(
    Template.fromStack(stack).findResources("AWS::CloudFront::ResponseHeadersPolicy"),
  ) as Array<{ Properties: { ResponseHeadersPolicyConfig: { SecurityHeadersConfig: SecurityHeaders } } }>;
  const site = policies
    .map((p) => p.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig)
    .find((h) => h.ContentSecurityPolicy);
  if (!site) throw new Error("no site policy with a CSP");
  return site;
}

describe("npm start serves the web app with the deployed site's headers", () => {
  it.each([
    ["/", 200],
    ["/teams/tm-1/roster", 200],
    ["/assets/app.js", 200],
    ["/assets/gone.js", 404],
  ])("GET %s carries CSP, frame, referrer and nosniff headers", async (path, status) => {
    const res = await web.request(path);
    expect(res.status).toBe(status);
    expect(res.headers.get("content-security-policy")).toBe(SITE_CSP);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("the values are CloudFront's own, from the one shared module", async () => {
    const cloudFront = cloudFrontSiteHeaders();
    const res = await web.request("/");
    expect(res.headers.get("content-security-policy")).toBe(
      cloudFront.ContentSecurityPolicy?.ContentSecurityPolicy,
    );
    expect(res.headers.get("x-frame-options")).toBe(cloudFront.FrameOptions.FrameOption);
    expect(res.headers.get("referrer-policy")).toBe(cloudFront.ReferrerPolicy.ReferrerPolicy);
    expect(cloudFront.ContentTypeOptions).toEqual({ Override: true });
  }, 60_000);
});

describe("the API reference is served from the project itself", () => {
  const { app } = composeApi({} as Store);

  it("/api/docs names no other origin and locks itself down with its own CSP", async () => {
    const res = await app.request("/api/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("content-security-policy")).toBe(DOCS_CSP);
    expect(DOCS_CSP).toContain("script-src 'self'");
    expect(DOCS_CSP).not.toMatch(/https?:|\*|unsafe-inline|unsafe-eval/);
    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/cdn|unpkg|jsdelivr|swagger-ui/i);
    // No inline script: under its own CSP an inline one would not run anyway.
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(body?.trim()).toBe("");
      expect(attributes).toMatch(/src="\/api\/docs\//);
    }
    for (const [, href] of html.matchAll(/href="([^"]+)"/g)) expect(href).toMatch(/^\/api\/docs\//);
  });

  it("its script and stylesheet are served by the API with the same CSP, and reach nowhere else", async () => {
    for (const [path, type] of [
      ["/api/docs/docs.js", /^text\/javascript/],
      ["/api/docs/docs.css", /^text\/css/],
    ] as const) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type")).toMatch(type);
      expect(res.headers.get("content-security-policy")).toBe(DOCS_CSP);
      const text = await res.text();
      expect(text).not.toMatch(/https?:\/\//);
      expect(text).not.toMatch(/innerHTML|insertAdjacentHTML|document\.write|eval\(/);
    }
  });

  it("offline, with nothing but the API, the page lists every route of the OpenAPI document", async () => {
    const spec = (await (await app.request("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, { summary?: string }>>;
    };
    const operations = Object.values(spec.paths).flatMap((item) => Object.keys(item)).length;
    const html = await (await app.request("/api/docs")).text();
    const script = await (await app.request("/api/docs/docs.js")).text();
    const requested: string[] = [];
    const window = new Window({ url: "http://localhost:8787/api/docs" });
    // Every request the page makes goes to the API in process: there is no network here.
    Object.assign(window, {
      fetch: async (url: string) => {
        requested.push(String(url));
        const res = await app.request(String(url));
        return { ok: res.ok, status: res.status, json: () => res.json() };
      },
    });
    window.document.write(html.replace(/<script[^>]*><\/script>/g, ""));
    window.eval(script);
    const doc = window.document;
    for (let i = 0; i < 50 && doc.querySelectorAll("details.op").length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(requested).toEqual(["/api/openapi.json"]);
    expect(doc.querySelector("h1")?.textContent).toContain("Yanlian API");
    expect(doc.querySelectorAll("details.op").length).toBe(operations);
    expect(doc.body.textContent).toContain("/teams/{teamId}/roster/test-page");
    // Schemas are spelled out from their $refs, with the fields a caller sends.
    expect(doc.body.textContent).toContain("outcome");
    await window.happyDOM.close();
  });
});
