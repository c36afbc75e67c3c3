/**
 * The browser-facing security headers, in one place: CloudFront's response-headers policies (infra/
 * constructs/web.ts) and `npm start`'s static server (functions/local/web.ts) both read them, so the
 * app a developer runs locally is held to the same policy as the deployed site, and a CSP change that
 * breaks the app breaks it on `npm start` first. No imports: the CDK app and the Lambda bundle read it.
 */

/** The web app: its own scripts only, inline styles for React's style props, nothing framed. */
export const SITE_CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
] as const;
export const SITE_CSP = SITE_CSP_DIRECTIVES.join("; ");

/**
 * The API reference page (/api/docs): its script and stylesheet come from the API itself, and it may
 * only fetch the OpenAPI document. It sends this itself, on Lambda and locally alike, because the API's
 * CloudFront behaviour carries no CSP of its own.
 */
export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

export const FRAME_OPTIONS = "DENY" as const;
export const REFERRER_POLICY = "strict-origin-when-cross-origin" as const;
/** One year. Sent by CloudFront only: over plain http on localhost a browser ignores it anyway. */
export const HSTS_MAX_AGE_SECONDS = 365 * 24 * 3600;

/** What the static server puts on every page and asset of the web app. */
export function siteHeaders(): Record<string, string> {
  return {
    "Content-Security-Policy": SITE_CSP,
    "X-Frame-Options": FRAME_OPTIONS,
    "Referrer-Policy": REFERRER_POLICY,
    "X-Content-Type-Options": "nosniff",
  };
}

/**
 * The request headers, the other way: what CloudFront's `/api/*` behaviour sends on to the API
 * (infra/constructs/web.ts), and what the API reads. CloudFront has no "every viewer header but Host,
 * plus a CloudFront header" (`allExcept` takes viewer headers only; `allViewerAndWhitelistCloudFront`
 * also sends Host, and API Gateway answers 403 to a Host that is not its own), so the policy lists the
 * viewer headers the API reads, and cookies and query strings go whole.
 */
export const API_VIEWER_HEADERS = [
  "Content-Type", // JSON bodies are validated by type (zod-openapi)
  "Origin", // the CSRF guard (csrfGuard in auth.ts)
  "Sec-Fetch-Site", // the CSRF guard
  "Accept",
  "Accept-Language",
] as const;
/**
 * The viewer's address and port (`203.0.113.7:4567`, `[2001:db8::1]:4567`), set by CloudFront itself:
 * the per-client sign-in limits key on it (clientAddress in auth.ts).
 */
export const VIEWER_ADDRESS_HEADER = "CloudFront-Viewer-Address";
