import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { mockClient } from "aws-sdk-client-mock";
import "aws-sdk-client-mock-vitest/extend";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { sha256 } from "../../functions/api/auth.js";
import { readConfig } from "../../functions/handlers/config.js";
import { armSetupToken, loadKeys } from "../../functions/handlers/secrets.js";
import { AWS_ENV } from "../support/aws-env.js";
import { freshStore } from "../support/store.js";

const sm = mockClient(SecretsManagerClient);
const SESSION_ARN = "arn:aws:secretsmanager:ap-east-1:123456789012:secret:Yanlian-SessionKey-AbCdEf";
const LINK_ARN = "arn:aws:secretsmanager:ap-east-1:123456789012:secret:Yanlian-LinkKey-AbCdEf";
const SETUP_ARN = "arn:aws:secretsmanager:ap-east-1:123456789012:secret:Yanlian-SetupToken-AbCdEf";
const ON_AWS = {
  ...AWS_ENV,
  YANLIAN_SESSION_KEY: undefined,
  YANLIAN_LINK_KEY: undefined,
  YANLIAN_SESSION_KEY_SECRET: SESSION_ARN,
  YANLIAN_LINK_KEY_SECRET: LINK_ARN,
  YANLIAN_SETUP_TOKEN_SECRET: SETUP_ARN,
};
const secretValues: Record<string, string> = {
  [SESSION_ARN]: "s".repeat(64),
  [LINK_ARN]: "l".repeat(64),
  [SETUP_ARN]: "setup-token-from-secrets-manager-0123456789",
};

describe("keys and the setup token from Secrets Manager", () => {
  const client = new SecretsManagerClient({ region: "ap-east-1" });
  beforeEach(() => {
    sm.reset();
    sm.on(GetSecretValueCommand).callsFake((input: { SecretId: string }) => ({
      SecretString: secretValues[input.SecretId],
    }));
  });
  afterAll(() => sm.restore());

  it("reads each key a function needs from its secret, once", async () => {
    const keys = await loadKeys(readConfig(ON_AWS, ["session", "link"]), ["session", "link"], client);
    expect(keys).toEqual({ session: "s".repeat(64), link: "l".repeat(64) });
    expect(sm).toHaveReceivedCommandTimes(GetSecretValueCommand, 2);
    expect(sm).toHaveReceivedCommandWith(GetSecretValueCommand, { SecretId: SESSION_ARN });
    expect(sm).toHaveReceivedCommandWith(GetSecretValueCommand, { SecretId: LINK_ARN });
  });

  it("asks Secrets Manager nothing when a key is handed over directly (tests, one machine)", async () => {
    const keys = await loadKeys(readConfig(AWS_ENV, ["link"]), ["link"], client);
    expect(keys.link).toBe(AWS_ENV.YANLIAN_LINK_KEY);
    expect(sm).not.toHaveReceivedCommand(GetSecretValueCommand);
  });

  it("refuses to start without a key it needs, naming the setting", () => {
    expect(() => readConfig({ ...ON_AWS, YANLIAN_LINK_KEY_SECRET: undefined }, ["session", "link"])).toThrow(
      /YANLIAN_LINK_KEY_SECRET: required \(or YANLIAN_LINK_KEY outside AWS\)/,
    );
    // The injector needs no key at all.
    expect(() => readConfig({ ...ON_AWS, YANLIAN_LINK_KEY_SECRET: undefined })).not.toThrow();
  });

  it("refuses a short secret and names the secret, never its value", async () => {
    sm.on(GetSecretValueCommand, { SecretId: LINK_ARN }).resolves({ SecretString: "tiny-value" });
    const config = readConfig(ON_AWS, ["link"]);
    await expect(loadKeys(config, ["link"], client)).rejects.toThrow(LINK_ARN);
    await expect(loadKeys(config, ["link"], client)).rejects.not.toThrow(/tiny-value/);
  });

  it("arms the generated setup token once, and never after the first manager has used it", async () => {
    const { store } = await freshStore();
    const config = readConfig(ON_AWS, ["session", "link"]);
    await armSetupToken(config, store, client);
    expect(await store.getSetupTokenHash()).toEqual({
      tokenHash: sha256(secretValues[SETUP_ARN]!),
      used: false,
    });

    // A second container starting finds it armed and writes nothing new.
    await armSetupToken(config, store, client);
    expect(await store.getSetupTokenHash()).toEqual({
      tokenHash: sha256(secretValues[SETUP_ARN]!),
      used: false,
    });

    await store.completeSetup(
      sha256(secretValues[SETUP_ARN]!),
      { id: "u-1", email: "m@example.com", name: "主管", admin: true, lang: "zh", createdAt: 1 },
      { email: "m@example.com", userId: "u-1", passwordHash: "x" },
    );
    secretValues[SETUP_ARN] = "someone-put-a-new-token-into-the-secret-later";
    await armSetupToken(config, store, client);
    expect(await store.getSetupTokenHash()).toMatchObject({ used: true });
  });

  it("does nothing about setup where no setup secret is configured", async () => {
    const { store } = await freshStore();
    await armSetupToken(readConfig(AWS_ENV), store, client);
    expect(await store.getSetupTokenHash()).toBeNull();
    expect(sm).not.toHaveReceivedCommand(GetSecretValueCommand);
  });
});
