import { Alert, Button, Card, Checkbox, DatePicker, Descriptions, Empty, Flex, Input, Pagination, Select, Space, Spin, Tag, Typography, theme } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState, type ReactNode } from 'react';
import type { AccountView } from '../../../common/ipc/accounts';
import { handoverSearchTextLimit, type HandoverView } from '../../../common/ipc/handovers';
import { FailureAlert } from '../../components/FailureAlert';
import { useT } from '../../i18n/translate';
import { HandoverAcknowledgeModal } from './HandoverAcknowledgeModal';
import { HandoverWriteModal } from './HandoverWriteModal';
import { LinkedTicketTag } from './LinkedTicketTag';
import { handoverPageSize, useHandoversStore, type HandoverFilters } from './useHandoversStore';

type OpenDialog = { kind: 'none' } | { kind: 'write'; correcting: HandoverView | null } | { kind: 'acknowledge'; entry: HandoverView };

const dateFormat = 'YYYY-MM-DD';

function formatTime(timestamp: string): string {
  return dayjs(timestamp).format('YYYY-MM-DD HH:mm');
}

/** A text field of an entry, kept as written (line breaks too). */
function EntryText({ text, testId }: { text: string; testId: string }) {
  return (
    <Typography.Text className="break-anywhere" style={{ whiteSpace: 'pre-wrap' }} data-testid={testId}>
      {text}
    </Typography.Text>
  );
}

/** One entry: the shift, what was handed over, who wrote it and who took the shift over. Unacknowledged ones stand out. */
function HandoverCard({
  entry,
  showTeam,
  canCorrect,
  onAcknowledge,
  onCorrect,
}: {
  entry: HandoverView;
  showTeam: boolean;
  canCorrect: boolean;
  onAcknowledge: () => void;
  onCorrect: () => void;
}) {
  const translate = useT();
  const { token } = theme.useToken();
  const acknowledged = entry.acknowledgment !== null;
  const items: { key: string; label: string; children: ReactNode }[] = [
    {
      key: 'equipment',
      label: translate('handovers.field.equipment'),
      children: (
        <Flex vertical gap={4} align="start">
          <Tag color={entry.equipmentState === 'normal' ? 'success' : 'error'} data-testid="handover-entry-equipment-state" data-state={entry.equipmentState}>
            {translate(`handovers.equipment.${entry.equipmentState}`)}
          </Tag>
          {entry.equipmentNote === '' ? null : <EntryText text={entry.equipmentNote} testId="handover-entry-equipment-note" />}
        </Flex>
      ),
    },
  ];
  if (entry.openIssues !== '' || entry.tickets.length > 0) {
    items.push({
      key: 'openIssues',
      label: translate('handovers.field.openIssues'),
      children: (
        <Flex vertical gap={6} align="start">
          {entry.openIssues === '' ? null : <EntryText text={entry.openIssues} testId="handover-entry-open-issues" />}
          {entry.tickets.length === 0 ? null : (
            <Flex wrap gap={6} data-testid="handover-entry-tickets">
              {entry.tickets.map((ticket) => (
                <LinkedTicketTag key={ticket.number} ticket={ticket} />
              ))}
            </Flex>
          )}
        </Flex>
      ),
    });
  }
  if (entry.staffingChanges !== '') {
    items.push({ key: 'staffing', label: translate('handovers.field.staffingChanges'), children: <EntryText text={entry.staffingChanges} testId="handover-entry-staffing-changes" /> });
  }
  if (entry.notes !== '') {
    items.push({ key: 'notes', label: translate('handovers.field.notes'), children: <EntryText text={entry.notes} testId="handover-entry-notes" /> });
  }
  items.push({
    key: 'acknowledgment',
    label: translate('handovers.acknowledgment'),
    children:
      entry.acknowledgment === null ? (
        <Typography.Text type="warning" data-testid="handover-entry-acknowledgment">
          {translate('handovers.notAcknowledged')}
        </Typography.Text>
      ) : (
        <Flex vertical gap={2} data-testid="handover-entry-acknowledgment">
          <Typography.Text>
            {translate('handovers.acknowledgedBy', {
              agentId: entry.acknowledgment.by.agentId,
              name: entry.acknowledgment.by.displayName,
              time: formatTime(entry.acknowledgment.at),
            })}
          </Typography.Text>
          {entry.acknowledgment.note === '' ? null : <EntryText text={entry.acknowledgment.note} testId="handover-entry-acknowledgment-note" />}
        </Flex>
      ),
  });

  return (
    <Card
      size="small"
      data-testid="handover-entry"
      data-id={entry.id}
      data-acknowledged={acknowledged ? 'true' : 'false'}
      style={acknowledged ? undefined : { borderColor: token.colorWarning, borderInlineStartWidth: 4, background: token.colorWarningBg }}
      title={
        <Flex wrap align="center" gap={8}>
          <Typography.Text strong data-testid="handover-entry-shift">
            {entry.shiftDate} {translate(`handovers.shift.${entry.shift}`)}
          </Typography.Text>
          {showTeam ? <Tag data-testid="handover-entry-team">{entry.team}</Tag> : null}
          {acknowledged ? (
            <Tag color="success" data-testid="handover-entry-state">
              {translate('handovers.state.acknowledged')}
            </Tag>
          ) : (
            <Tag color="warning" data-testid="handover-entry-state">
              {translate('handovers.state.unacknowledged')}
            </Tag>
          )}
          {entry.correctsId === null ? null : (
            <Tag color="purple" data-testid="handover-entry-corrects">
              {translate('handovers.corrects', { id: entry.correctsId })}
            </Tag>
          )}
        </Flex>
      }
      extra={
        <Space size={4}>
          {entry.canAcknowledge ? (
            <Button type="primary" size="small" onClick={onAcknowledge} data-testid={`handover-acknowledge-${entry.id}`}>
              {translate('handovers.acknowledge.open')}
            </Button>
          ) : null}
          {canCorrect ? (
            <Button size="small" onClick={onCorrect} data-testid={`handover-correct-${entry.id}`}>
              {translate('handovers.correct')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Descriptions size="small" column={1} items={items} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="handover-entry-written">
        {translate('handovers.writtenBy', { id: entry.id, agentId: entry.author.agentId, name: entry.author.displayName, time: formatTime(entry.writtenAt) })}
      </Typography.Text>
    </Card>
  );
}

/**
 * The shift handover log (交接班). Team leads write their team's entries, read them and, as the
 * incoming lead, acknowledge the ones others wrote; administrators read every team's. The
 * history is searched by text, shift dates, author and "unacknowledged only", newest first, a
 * page at a time. Main enforces the same rules.
 */
export function HandoversPage({ account }: { account: AccountView }) {
  const translate = useT();
  const entries = useHandoversStore((state) => state.entries);
  const total = useHandoversStore((state) => state.total);
  const page = useHandoversStore((state) => state.page);
  const unacknowledged = useHandoversStore((state) => state.unacknowledged);
  const authors = useHandoversStore((state) => state.authors);
  const teams = useHandoversStore((state) => state.teams);
  const today = useHandoversStore((state) => state.today);
  const filters = useHandoversStore((state) => state.filters);
  const loading = useHandoversStore((state) => state.loading);
  const loaded = useHandoversStore((state) => state.loaded);
  const errorCode = useHandoversStore((state) => state.errorCode);
  const search = useHandoversStore((state) => state.search);
  const reset = useHandoversStore((state) => state.reset);
  const [text, setText] = useState('');
  const [dialog, setDialog] = useState<OpenDialog>({ kind: 'none' });
  const isLead = account.role === 'team_lead';
  const isAdmin = account.role === 'admin';

  useEffect(() => {
    void search();
    // Nothing stays behind once the page closes (a lock or sign-out closes it too).
    return reset;
  }, [search, reset]);

  function apply(changes: Partial<HandoverFilters>): void {
    void search({ ...filters, text, ...changes }, 1);
  }

  function handleDates(dates: readonly [Dayjs | null, Dayjs | null] | null): void {
    apply({ from: dates?.[0]?.format(dateFormat) ?? null, to: dates?.[1]?.format(dateFormat) ?? null });
  }

  const dateRange: [Dayjs | null, Dayjs | null] | null = filters.from === null && filters.to === null ? null : [filters.from === null ? null : dayjs(filters.from), filters.to === null ? null : dayjs(filters.to)];
  const searchedText = filters.text.trim();

  return (
    <section className="agents-page" data-testid="handovers-page">
      <div className="agents-page-toolbar">
        <div>
          <Typography.Title level={4} className="agents-page-title">
            {translate('handovers.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{translate(isLead ? 'handovers.subtitle' : 'handovers.subtitleAdmin')}</Typography.Text>
        </div>
        <Space wrap>
          <Button onClick={() => void search(filters, page)} loading={loading} data-testid="handovers-refresh">
            {translate('common.refresh')}
          </Button>
          {isLead ? (
            <Button type="primary" onClick={() => setDialog({ kind: 'write', correcting: null })} disabled={!loaded} data-testid="handover-write-open">
              {translate('handovers.write.open')}
            </Button>
          ) : null}
        </Space>
      </div>
      {unacknowledged > 0 ? (
        <Alert
          className="form-alert"
          type="warning"
          showIcon
          title={translate('handovers.unacknowledgedCount', { count: unacknowledged })}
          action={
            filters.unacknowledgedOnly ? null : (
              <Button size="small" onClick={() => apply({ unacknowledgedOnly: true })} data-testid="handovers-show-unacknowledged">
                {translate('handovers.filter.unacknowledgedOnly')}
              </Button>
            )
          }
          data-testid="handovers-unacknowledged"
          data-count={unacknowledged}
        />
      ) : null}
      <Flex wrap align="center" gap={12} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          value={text}
          onChange={(event) => setText(event.target.value)}
          onSearch={(value) => apply({ text: value })}
          maxLength={handoverSearchTextLimit}
          placeholder={translate('handovers.filter.textPlaceholder')}
          aria-label={translate('handovers.filter.text')}
          style={{ maxWidth: 360 }}
          enterButton={translate('handovers.filter.search')}
          data-testid="handovers-search"
        />
        <DatePicker.RangePicker
          value={dateRange}
          onChange={(dates) => handleDates(dates)}
          allowEmpty={[true, true]}
          format={dateFormat}
          placeholder={[translate('handovers.filter.from'), translate('handovers.filter.to')]}
          data-testid="handovers-filter-dates"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={filters.authorAgentId ?? undefined}
          onChange={(value: string | undefined) => apply({ authorAgentId: value ?? null })}
          options={authors.map((author) => ({ value: author.agentId, label: `${author.agentId} ${author.displayName}` }))}
          placeholder={translate('handovers.filter.author')}
          style={{ minWidth: 180 }}
          className="handovers-filter-author"
          data-testid="handovers-filter-author"
        />
        {isAdmin ? (
          <Select
            allowClear
            value={filters.team ?? undefined}
            onChange={(value: string | undefined) => apply({ team: value ?? null })}
            options={teams.map((team) => ({ value: team, label: team }))}
            placeholder={translate('handovers.filter.team')}
            style={{ minWidth: 140 }}
            data-testid="handovers-filter-team"
          />
        ) : null}
        <Checkbox checked={filters.unacknowledgedOnly} onChange={(event) => apply({ unacknowledgedOnly: event.target.checked })} data-testid="handovers-filter-unacknowledged">
          {translate('handovers.filter.unacknowledgedOnly')}
        </Checkbox>
      </Flex>
      <FailureAlert code={errorCode} heading={translate('handovers.loadFailed')} testId="handovers-error" />
      <div data-testid="handovers-results" data-settled={loaded && !loading ? 'true' : 'false'} data-total={total} aria-busy={loading}>
        {!loaded ? (
          errorCode === null ? <Spin /> : null
        ) : entries.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={searchedText === '' ? translate('handovers.empty') : translate('handovers.emptySearch', { text: searchedText })}
            data-testid="handovers-empty"
          />
        ) : (
          <Flex vertical gap={12}>
            {entries.map((entry) => (
              <HandoverCard
                key={entry.id}
                entry={entry}
                showTeam={isAdmin}
                canCorrect={isLead}
                onAcknowledge={() => setDialog({ kind: 'acknowledge', entry })}
                onCorrect={() => setDialog({ kind: 'write', correcting: entry })}
              />
            ))}
            <Pagination
              align="end"
              current={page}
              pageSize={handoverPageSize}
              total={total}
              showSizeChanger={false}
              showTotal={(count) => translate('handovers.total', { count })}
              onChange={(next) => void search(filters, next)}
              data-testid="handovers-pagination"
            />
          </Flex>
        )}
      </div>
      {dialog.kind === 'write' ? <HandoverWriteModal today={today} correcting={dialog.correcting} onClose={() => setDialog({ kind: 'none' })} /> : null}
      {dialog.kind === 'acknowledge' ? <HandoverAcknowledgeModal entry={dialog.entry} onClose={() => setDialog({ kind: 'none' })} /> : null}
    </section>
  );
}
