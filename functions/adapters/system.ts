import { randomBytes, randomInt } from "node:crypto";
import type { Clock, Entropy } from "../core/ports.js";

export const systemClock: Clock = { now: () => Date.now() };

/** Ids are random, not sequential, so one cannot guess another team's drill ids. */
export const cryptoEntropy: Entropy = {
  seed: () => randomInt(0, 2 ** 32 - 1),
  id: (prefix) => `${prefix}${randomBytes(12).toString("base64url")}`,
};
