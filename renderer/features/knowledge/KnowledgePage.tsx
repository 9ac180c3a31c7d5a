import { Button, Card, Empty, Flex, Input, Space, Spin, Switch, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { FailureAlert } from '../../components/FailureAlert';
import { useT } from '../../i18n/translate';
import { KnowledgeAnswerEditor } from './KnowledgeAnswerEditor';
import { highlightQuery } from './knowledgeHighlight';
import { useKnowledgeStore, type KnowledgeAnswer } from './useKnowledgeStore';

/** How long typing pauses before the search goes out. */
const searchDelayMs = 200;
/** The channel's longest query. */
const queryMaxLength = 100;

const markStyle = { background: '#ffe58f', borderRadius: 2, padding: '0 1px' } as const;

type OpenDialog = { kind: 'none' } | { kind: 'create' } | { kind: 'edit'; answer: KnowledgeAnswer };

/** A text with every occurrence of the query marked. */
export function Highlighted({ text, query, testId }: { text: string; query: string; testId: string }) {
  return (
    <>
      {highlightQuery(text, query).map((segment) =>
        segment.marked ? (
          <mark key={segment.start} style={markStyle} data-testid={testId}>
            {segment.text}
          </mark>
        ) : (
          <span key={segment.start}>{segment.text}</span>
        ),
      )}
    </>
  );
}

/** One answer: title, category, tags, validity, source, the body, who updated it and when. */
function AnswerCard({
  answer,
  query,
  onDate,
  onEdit,
}: {
  answer: KnowledgeAnswer;
  query: string;
  onDate: string;
  onEdit: (() => void) | undefined;
}) {
  const translate = useT();
  const expired = answer.validTo !== null && answer.validTo < onDate;
  const notYetValid = answer.validFrom > onDate;
  return (
    <Card
      size="small"
      data-testid="knowledge-answer"
      data-answer-id={answer.id}
      data-expired={expired ? 'true' : 'false'}
      title={
        <Flex wrap align="center" gap={8}>
          <Typography.Text strong className="break-anywhere" style={{ fontSize: 15 }} data-testid="knowledge-answer-title">
            <Highlighted text={answer.title} query={query} testId="knowledge-mark" />
          </Typography.Text>
          <Tag color="blue" data-testid="knowledge-answer-category">
            {answer.category}
          </Tag>
          {expired ? (
            <Tag color="default" data-testid="knowledge-answer-expired">
              {translate('knowledge.expired')}
            </Tag>
          ) : null}
          {notYetValid ? (
            <Tag color="orange" data-testid="knowledge-answer-future">
              {translate('knowledge.notYetValid', { date: answer.validFrom })}
            </Tag>
          ) : null}
        </Flex>
      }
      extra={
        onEdit === undefined ? null : (
          <Button size="small" onClick={onEdit} data-testid={`knowledge-edit-${answer.id}`}>
            {translate('knowledge.edit')}
          </Button>
        )
      }
      style={expired ? { opacity: 0.75 } : undefined}
    >
      <Flex vertical gap={8}>
        <Flex wrap align="center" gap={8}>
          {answer.tags.map((tag) => (
            <Tag key={tag} data-testid="knowledge-answer-tag">
              <Highlighted text={tag} query={query} testId="knowledge-tag-mark" />
            </Tag>
          ))}
          <Typography.Text type="secondary" data-testid="knowledge-answer-validity">
            {answer.validTo === null ? translate('knowledge.validForever') : translate('knowledge.validUntil', { date: answer.validTo })}
          </Typography.Text>
        </Flex>
        {answer.sourceNotice === '' ? null : (
          <Typography.Text type="secondary" className="break-anywhere" data-testid="knowledge-answer-source">
            {translate('knowledge.source', { source: answer.sourceNotice })}
          </Typography.Text>
        )}
        <Typography.Paragraph className="break-anywhere" style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="knowledge-answer-body">
          <Highlighted text={answer.body} query={query} testId="knowledge-mark" />
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="knowledge-answer-updated">
          {translate('knowledge.updated', { author: answer.authorAgentId, time: dayjs(answer.updatedAt).format('YYYY-MM-DD HH:mm') })}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/**
 * The knowledge base (统一答复口径): searched as the agent types. Team leads and administrators
 * (`canEdit`) may also see expired answers, add answers and edit them; main enforces the same.
 */
export function KnowledgePage({ canEdit }: { canEdit: boolean }) {
  const translate = useT();
  const answers = useKnowledgeStore((state) => state.answers);
  const onDate = useKnowledgeStore((state) => state.onDate);
  const shownQuery = useKnowledgeStore((state) => state.shownQuery);
  const searching = useKnowledgeStore((state) => state.searching);
  const errorCode = useKnowledgeStore((state) => state.errorCode);
  const search = useKnowledgeStore((state) => state.search);
  const reset = useKnowledgeStore((state) => state.reset);
  const [text, setText] = useState('');
  const [includeExpired, setIncludeExpired] = useState(false);
  const [dialog, setDialog] = useState<OpenDialog>({ kind: 'none' });
  // The text last searched, so a switch flip searches at once and typing waits for a pause.
  const searchedText = useRef<string | null>(null);

  useEffect(() => reset, [reset]);

  useEffect(() => {
    const delay = searchedText.current === null || searchedText.current === text ? 0 : searchDelayMs;
    const timer = window.setTimeout(() => {
      searchedText.current = text;
      void search({ text, includeExpired: canEdit && includeExpired });
    }, delay);
    return () => window.clearTimeout(timer);
  }, [text, includeExpired, canEdit, search]);

  function searchNow(): void {
    searchedText.current = text;
    void search({ text, includeExpired: canEdit && includeExpired });
  }

  const query = shownQuery?.text.trim() ?? '';
  const settled = shownQuery !== null && !searching && shownQuery.text === text;

  return (
    <section className="agents-page" data-testid="knowledge-page">
      <div className="agents-page-toolbar">
        <div>
          <Typography.Title level={4} className="agents-page-title">
            {translate('knowledge.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{translate('knowledge.subtitle')}</Typography.Text>
        </div>
        {canEdit ? (
          <Button type="primary" onClick={() => setDialog({ kind: 'create' })} data-testid="knowledge-create">
            {translate('knowledge.create')}
          </Button>
        ) : null}
      </div>
      <Flex wrap align="center" gap={16} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          value={text}
          onChange={(event) => setText(event.target.value)}
          onSearch={searchNow}
          maxLength={queryMaxLength}
          placeholder={translate('knowledge.searchPlaceholder')}
          aria-label={translate('knowledge.searchLabel')}
          style={{ maxWidth: 480 }}
          autoFocus
          loading={searching}
          data-testid="knowledge-search"
        />
        {canEdit ? (
          <Tooltip title={translate('knowledge.includeExpiredHint')}>
            <Space>
              <Switch checked={includeExpired} onChange={setIncludeExpired} data-testid="knowledge-include-expired" />
              <Typography.Text>{translate('knowledge.includeExpired')}</Typography.Text>
            </Space>
          </Tooltip>
        ) : null}
      </Flex>
      <FailureAlert code={errorCode} heading={translate('knowledge.searchFailed')} testId="knowledge-error" />
      <div data-testid="knowledge-results" data-settled={settled ? 'true' : 'false'} data-query={shownQuery?.text ?? ''} aria-busy={searching}>
        {shownQuery === null ? (
          <Spin />
        ) : answers.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={query === '' ? translate('knowledge.emptyAll') : translate('knowledge.empty', { text: query })}
            data-testid="knowledge-empty"
          />
        ) : (
          <Flex vertical gap={12}>
            <Typography.Text type="secondary" data-testid="knowledge-count">
              {query === '' ? translate('knowledge.countLatest', { count: answers.length }) : translate('knowledge.count', { count: answers.length })}
            </Typography.Text>
            {answers.map((answer) => (
              <AnswerCard
                key={answer.id}
                answer={answer}
                query={query}
                onDate={onDate}
                onEdit={canEdit ? () => setDialog({ kind: 'edit', answer }) : undefined}
              />
            ))}
          </Flex>
        )}
      </div>
      {dialog.kind === 'none' ? null : (
        <KnowledgeAnswerEditor
          answer={dialog.kind === 'edit' ? dialog.answer : null}
          onClose={() => setDialog({ kind: 'none' })}
          onSaved={searchNow}
        />
      )}
    </section>
  );
}
