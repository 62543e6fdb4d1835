"use client";

import { useEffect, useState } from "react";

/**
 * Whole seconds until `deadline` (ms since the epoch), ticking every second; 0 once it has passed or
 * when there is none. `afterMount`: 0 until hydrated, so server and browser markup match.
 */
export function useSecondsLeft(deadline: number | null, afterMount = false) {
  // Server and browser clocks differ: a row's countdown starts once hydrated, so the markup matches.
  const [now, setNow] = useState(() => (afterMount ? Number.POSITIVE_INFINITY : Date.now()));
  useEffect(() => {
    if (deadline === null || deadline < Date.now()) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [deadline]);
  return deadline === null ? 0 : Math.max(0, Math.ceil((deadline - now) / 1000));
}
