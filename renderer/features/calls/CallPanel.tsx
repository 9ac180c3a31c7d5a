import { Button, Card, Flex, Input, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AccountView } from '../../../common/ipc/accounts';
import type { CallView } from '../../../common/ipc/calls';
import { FailureAlert } from '../../components/FailureAlert';
import { useNow } from '../../components/useNow';
import { useT } from '../../i18n/translate';
import { useCustomersStore } from '../customers/useCustomersStore';
import { CallKnowledge } from './CallKnowledge';
import { formatDuration } from './callScriptValues';
import { TicketCreateModal } from '../tickets/TicketCreateModal';
import { ScriptPanel } from './ScriptPanel';
import { TranscriptPanel } from './TranscriptPanel';
import { useCallFollowing } from './useCallFollowing';
import { useCallStore } from './useCallStore';

type Failure = Parameters<typeof FailureAlert>[0]['code'];

const stateColors: Readonly<Record<CallView['state'], string>> = { ringing: 'orange', talking: 'green', ended: 'default' };

/** Seconds on the clock of a call: talk time once answered, ring time before. */
function useElapsedSeconds(call: CallView | null): number {
  const now = useNow();
  if (call === null) return 0;
  if (call.state === 'ended') return call.durationSeconds ?? 0;
  return (now - Date.parse(call.answeredAt ?? call.rangAt)) / 1000;
}

/** The call banner: who is calling (masked), how long, and the buttons that start and finish calls. */
function CallBanner({ call, onTicket }: { call: CallView | null; onTicket: () => void }) {
  const translate = useT();
  const start = useCallStore((state) => state.start);
  const finish = useCallStore((state) => state.finish);
  const typedSurname = useCallStore((state) => state.typedSurname);
  const typedGender = useCallStore((state) => state.typedGender);
  const setTypedTitle = useCallStore((state) => state.setTypedTitle);
  const openCustomer = useCustomersStore((state) => state.customer);
  const elapsed = useElapsedSeconds(call);
  const [failure, setFailure] = useState<Failure>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<{ code: Failure } | null>): Promise<void> {
    setBusy(true);
    const result = await action();
    setBusy(false);
    setFailure(result?.code ?? null);
  }

  if (call === null) {
    return (
      <Card size="small" className="call-banner" data-testid="call-banner" data-call-state="none">
        <Typography.Text type="secondary">{translate('calls.none')}</Typography.Text>
        <FailureAlert code={failure} testId="call-error" />
        <Flex gap={8} wrap className="call-banner-actions">
          <Button onClick={() => void run(() => start('walk_in', openCustomer?.id))} loading={busy} data-testid="call-start-walk-in">
            {translate('calls.startWalkIn')}
          </Button>
          <Button
            onClick={() => void run(() => start('outbound', openCustomer?.id))}
            disabled={openCustomer === null}
            loading={busy}
            title={openCustomer === null ? translate('calls.outboundNeedsCustomer') : undefined}
            data-testid="call-start-outbound"
          >
            {translate('calls.startOutbound')}
          </Button>
        </Flex>
      </Card>
    );
  }

  const newCaller = call.direction === 'inbound' && call.customers.length === 0 && call.customerId === null;
  return (
    <Card size="small" className="call-banner" data-testid="call-banner" data-call-state={call.state}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Space wrap size={6}>
          <Tag color={stateColors[call.state]} data-testid="call-state">
            {translate(`calls.state.${call.state}`)}
          </Tag>
          <Tag>{translate(`calls.direction.${call.direction}`)}</Tag>
          {call.callerNumber === '' ? null : (
            <Typography.Text strong data-testid="call-number">
              {call.callerNumber}
            </Typography.Text>
          )}
          {call.queue === '' ? null : <Typography.Text type="secondary">{call.queue}</Typography.Text>}
          {newCaller ? (
            <Tag color="blue" data-testid="call-new-caller">
              {translate('calls.newCaller')}
            </Tag>
          ) : null}
        </Space>
        <Typography.Text className="call-clock" data-testid="call-clock">
          {formatDuration(elapsed)}
          {call.state === 'ended' && call.outcome !== null ? ` · ${translate(`calls.outcome.${call.outcome}`)}` : ''}
        </Typography.Text>
      </Flex>
      <Flex gap={8} align="center" className="call-title-row">
        <Typography.Text type="secondary">{translate('calls.typedTitle')}</Typography.Text>
        <Input
          size="small"
          className="call-surname"
          value={typedSurname}
          maxLength={4}
          placeholder={translate('calls.surnamePlaceholder')}
          onChange={(event) => setTypedTitle(event.target.value.trim(), typedGender)}
          data-testid="call-surname"
        />
        <Select
          size="small"
          value={typedGender}
          onChange={(gender) => setTypedTitle(typedSurname, gender)}
          options={(['male', 'female', 'unknown'] as const).map((gender) => ({ value: gender, label: translate(`calls.gender.${gender}`) }))}
          data-testid="call-gender"
        />
      </Flex>
      <FailureAlert code={failure} testId="call-error" />
      <Flex justify="flex-end" gap={8} className="call-banner-actions">
        <Button onClick={onTicket} data-testid="call-ticket">
          {translate('tickets.create.button')}
        </Button>
        <Button type={call.state === 'ended' ? 'primary' : 'default'} danger={call.state !== 'ended'} loading={busy} onClick={() => void run(finish)} data-testid="call-finish">
          {translate(call.state === 'ended' ? 'calls.finishWrapUp' : 'calls.endAndFinish')}
        </Button>
      </Flex>
    </Card>
  );
}

/** The agent's call side panel: banner, the script, the live transcript and the knowledge for the call. */
export function CallPanel({ account, onScreenPop }: { account: AccountView; onScreenPop: () => void }) {
  const call = useCallStore((state) => state.call);
  const openCustomerId = useCustomersStore((state) => state.customer?.id ?? null);
  const [ticketing, setTicketing] = useState(false);
  useCallFollowing(onScreenPop);

  // Ctrl+Enter anywhere on the desk during a call opens the one-click ticket (and saves it there).
  useEffect(() => {
    function handleKey(event: KeyboardEvent): void {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.isComposing || ticketing) return;
      if (useCallStore.getState().call === null) return;
      event.preventDefault();
      setTicketing(true);
    }
    window.addEventListener('keydown', handleKey);
    return () => window.removeEventListener('keydown', handleKey);
  }, [ticketing]);

  return (
    <aside className="call-panel" data-testid="call-panel">
      <CallBanner call={call} onTicket={() => setTicketing(true)} />
      {ticketing && call !== null ? <TicketCreateModal call={call} customerId={openCustomerId} onClose={() => setTicketing(false)} /> : null}
      {call === null ? null : <ScriptPanel key={call.id} call={call} agentId={account.agentId} />}
      {call === null || call.direction !== 'inbound' ? null : <TranscriptPanel />}
      <CallKnowledge call={call} />
    </aside>
  );
}
