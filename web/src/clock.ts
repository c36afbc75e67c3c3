import { useEffect, useState } from "react";

/** Milliseconds from `start` to `now`, never negative (a client clock a little behind the server's). */
export function elapsedMs(start: number, now: number, end?: number): number {
  return Math.max(0, (end ?? now) - start);
}

/** The current time, re-rendering every `intervalMs` while mounted (and only while `active`). */
export function useNow(intervalMs = 1000, active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, active]);
  return now;
}
