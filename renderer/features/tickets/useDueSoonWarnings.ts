import { App } from 'antd';
import { useEffect } from 'react';
import { dueSoonWarnings } from '../../../common/tickets/due-soon';
import { getApi } from '../../api/api';
import { useT } from '../../i18n/translate';

/** How often the desk looks for targets about to be missed (a warning comes at most this late). */
const checkEveryMilliseconds = 30_000;

/**
 * Warns the agent shortly before one of their tickets misses a target: inside the window, and
 * on the desktop through main where the desk has desktop notifications (Electron). Each ticket,
 * target and deadline is warned about once per sign-in.
 */
export function useDueSoonWarnings(enabled: boolean): void {
  const translate = useT();
  const { notification } = App.useApp();

  useEffect(() => {
    if (!enabled) return undefined;
    const warned = new Set<string>();
    let stopped = false;
    const check = async () => {
      const answeredAt = Date.now();
      const result = await getApi().tickets.mine({});
      if (stopped || !result.ok) return;
      for (const warning of dueSoonWarnings(result.value.tickets, Date.now() - answeredAt, warned)) {
        warned.add(warning.key);
        const title = translate('tickets.dueSoon.title');
        const body = translate('tickets.dueSoon.body', {
          number: warning.number,
          target: translate(`tickets.target.${warning.kind}`),
          minutes: Math.max(1, Math.round(warning.remainingClock / 60_000)),
        });
        notification.warning({ title, description: body, duration: 0, key: warning.key, props: { 'data-testid': 'ticket-due-soon' } as object });
        void getApi().tickets.notifyDue({ ticketId: warning.ticketId, target: warning.kind, title, body });
      }
    };
    void check();
    const timer = window.setInterval(() => void check(), checkEveryMilliseconds);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [enabled, translate, notification]);
}
