import { describe, expect, it } from "vitest";
import { readApiConfig } from "../../functions/handlers/config.js";

describe("the API Lambda's configuration, read once at start", () => {
  const good = {
    YANLIAN_TABLE: "yanlian-prod",
    YANLIAN_PUBLIC_URL: "https://drills.example.com",
    YANLIAN_SESSION_KEY: "k".repeat(40),
  };

  it("accepts a complete environment", () => {
    expect(readApiConfig(good)).toMatchObject(good);
  });

  it("fails fast, naming every missing or bad setting and never echoing a secret", () => {
    expect(() =>
      readApiConfig({ YANLIAN_PUBLIC_URL: "ftp://x", YANLIAN_SESSION_KEY: "short-secret" }),
    ).toThrow(/YANLIAN_TABLE: .*YANLIAN_PUBLIC_URL: .*YANLIAN_SESSION_KEY: must be at least 32 characters/);
    expect(() => readApiConfig({ ...good, YANLIAN_SESSION_KEY: "short-secret" })).not.toThrow(/short-secret/);
  });
});
