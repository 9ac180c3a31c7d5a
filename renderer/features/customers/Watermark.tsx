import { useEffect, useState } from 'react';

/** Tiles the agent ID and the time over a customer view, against photos of the screen. */
export function Watermark({ agentId }: { agentId: string }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  const label = `${agentId} ${new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short' }).format(now)}`;
  return (
    <div className="watermark" aria-hidden="true" data-testid="watermark">
      {Array.from({ length: 24 }, (_, index) => (
        <span key={index}>{label}</span>
      ))}
    </div>
  );
}
