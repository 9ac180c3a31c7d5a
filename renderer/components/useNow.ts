import { useEffect, useState } from 'react';

/** The page clock (epoch milliseconds), ticking every second: for countdowns and call timers. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}
