import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { clientAddress } from "../../functions/api/auth.js";
import { VIEWER_ADDRESS_HEADER } from "../../functions/api/security-headers.js";

/** The per-client sign-in limits key on this; on AWS it must be the viewer, not CloudFront's edge. */
describe("clientAddress", () => {
  const app = new Hono().get("/", (c) => c.text(clientAddress(c)));
  const lambda = { requestContext: { http: { sourceIp: "130.176.1.2" } } }; // a CloudFront edge
  const ask = (headers: Record<string, string>, env: unknown) =>
    Promise.resolve(app.request("/", { headers }, env as never)).then((r) => r.text());

  it("on AWS is the address CloudFront names in CloudFront-Viewer-Address, without the port", async () => {
    expect(await ask({ [VIEWER_ADDRESS_HEADER]: "203.0.113.7:4567" }, lambda)).toBe("203.0.113.7");
    expect(await ask({ [VIEWER_ADDRESS_HEADER]: "[2001:db8::1]:4567" }, lambda)).toBe("2001:db8::1");
  });

  it("on AWS without the header is the HTTP API's source address; X-Forwarded-For is never believed", async () => {
    expect(await ask({ "x-forwarded-for": "198.51.100.9" }, lambda)).toBe("130.176.1.2");
  });

  it("on npm start is the socket's peer, whatever the headers say", async () => {
    const local = { incoming: { socket: { remoteAddress: "127.0.0.1" } } };
    expect(await ask({ [VIEWER_ADDRESS_HEADER]: "203.0.113.7:4567" }, local)).toBe("127.0.0.1");
  });
});
