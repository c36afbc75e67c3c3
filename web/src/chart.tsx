import type { ChartConfiguration } from "chart.js";
import { useEffect, useRef } from "react";

/**
 * A Chart.js canvas, loaded on first use: the library never weighs on the first page load. The
 * canvas carries a text alternative; the same figures are always in a table next to it.
 */
export function LazyChart({ config, label }: { config: ChartConfiguration; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    void import("chart.js/auto").then(({ default: Chart }) => {
      if (cancelled || !canvas.current) return;
      chart = new Chart(canvas.current, {
        ...config,
        options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options },
      });
      canvas.current.dataset.ready = "true";
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [config]);
  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
