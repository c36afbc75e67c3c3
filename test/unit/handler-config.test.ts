import { describe, expect, it } from "vitest";
import { readConfig } from "../../functions/handlers/config.js";
import { AWS_ENV } from "../support/aws-env.js";

describe("the Lambdas' configuration, read once at start", () => {
  it("accepts a complete environment", () => {
    expect(readConfig(AWS_ENV)).toMatchObject(AWS_ENV);
  });

  it("fails fast, naming every missing or bad setting and never echoing a secret", () => {
    expect(() =>
      readConfig({
        ...AWS_ENV,
        YANLIAN_TABLE: undefined,
        YANLIAN_PUBLIC_URL: "ftp://x",
        YANLIAN_SESSION_KEY: "short-secret",
      }),
    ).toThrow(/YANLIAN_TABLE: .*YANLIAN_PUBLIC_URL: .*YANLIAN_SESSION_KEY: must be at least 32 characters/);
    expect(() => readConfig({ ...AWS_ENV, YANLIAN_SESSION_KEY: "short-secret" })).not.toThrow(/short-secret/);
    expect(() => readConfig({ ...AWS_ENV, YANLIAN_DLQ_ARN: "my-queue" })).toThrow(
      /YANLIAN_DLQ_ARN: expected an ARN/,
    );
  });
});
