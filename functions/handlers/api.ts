import { handle } from "hono/aws-lambda";
import { createAwsRuntime } from "./runtime.js";

// Created once per container: config, clients and the app outlive a single request.
const { app } = createAwsRuntime();

export const handler = handle(app);
