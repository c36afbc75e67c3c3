import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * Root is web/, output web/dist (infra/web-assets.ts passes its own --outDir). In dev, /api goes to
 * `npm start` on :8787 (YANLIAN_API overrides it), so cookies stay first-party on Vite's origin.
 */
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
  },
  server: {
    host: "127.0.0.1",
    port: 5173,
    proxy: {
      "/api": {
        target: process.env.YANLIAN_API ?? "http://127.0.0.1:8787",
        // The API refuses a cross-site Origin; the proxy makes it the API's own.
        changeOrigin: true,
        configure: (proxy) => {
          proxy.on("proxyReq", (req) => {
            if (req.getHeader("origin"))
              req.setHeader("origin", process.env.YANLIAN_API ?? "http://127.0.0.1:8787");
          });
        },
      },
    },
  },
});
