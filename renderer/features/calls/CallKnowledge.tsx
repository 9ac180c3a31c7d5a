import { Card, Empty, Input, List, Select, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { callIntents, type CallIntent } from '../../../common/calls/intents';
import type { CallView } from '../../../common/ipc/calls';
import type { ResponseOf } from '../../../common/ipc/contract';
import { getApi } from '../../api/api';
import { useT } from '../../i18n/translate';
import { Highlighted } from '../knowledge/KnowledgePage';
import { useCallStore } from './useCallStore';

type Answer = ResponseOf<'knowledge', 'search'>['answers'][number];

/** How long typing pauses before the search goes out. */
const searchDelayMilliseconds = 200;

function AnswerItem({ answer, query }: { answer: Answer; query: string }) {
  return (
    <List.Item className="call-knowledge-answer" data-testid="call-knowledge-answer">
      <div>
        <Typography.Text strong>
          <Highlighted text={answer.title} query={query} testId="call-knowledge-mark" />
        </Typography.Text>{' '}
        <Tag color="blue">{answer.category}</Tag>
        {answer.tags.map((tag) => (
          <Tag key={tag}>
            <Highlighted text={tag} query={query} testId="call-knowledge-mark" />
          </Tag>
        ))}
        <Typography.Paragraph className="break-anywhere call-knowledge-body" ellipsis={{ rows: 3, expandable: true }}>
          <Highlighted text={answer.body} query={query} testId="call-knowledge-mark" />
        </Typography.Paragraph>
      </div>
    </List.Item>
  );
}

/**
 * Unified answers beside the script: the ones for the intent the agent classified (which is
 * stored with the call), and a search that finds one- and two-character terms too.
 */
export function CallKnowledge({ call }: { call: CallView | null }) {
  const translate = useT();
  const classify = useCallStore((state) => state.classify);
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ query: string; answers: Answer[] } | null>(null);
  const [suggestions, setSuggestions] = useState<{ intent: CallIntent; answers: Answer[] } | null>(null);
  const intent = call?.intent ?? null;
  // Answers fetched for another intent (or a previous call) are not shown.
  const suggested = suggestions !== null && suggestions.intent === intent ? suggestions.answers : [];
  const query = text.trim();
  const shown = found !== null && found.query === query ? found : null;

  useEffect(() => {
    if (intent === null) return;
    let current = true;
    void getApi()
      .knowledge.suggest({ intent })
      .then((result) => {
        if (current && result.ok) setSuggestions({ intent, answers: result.value.answers });
      });
    return () => {
      current = false;
    };
  }, [intent]);

  useEffect(() => {
    if (query === '') return;
    let current = true;
    const timer = window.setTimeout(() => {
      void getApi()
        .knowledge.search({ text: query, limit: 10 })
        .then((result) => {
          if (current && result.ok) setFound({ query, answers: result.value.answers });
        });
    }, searchDelayMilliseconds);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [query]);

  return (
    <Card size="small" className="call-knowledge" title={translate('calls.knowledge.title')} data-testid="call-knowledge">
      {call === null ? null : (
        <Select<CallIntent>
          className="call-intent"
          value={intent ?? undefined}
          placeholder={translate('calls.intent.placeholder')}
          onChange={(value) => void classify(value)}
          options={callIntents.map((value) => ({ value, label: translate(`calls.intent.${value}`) }))}
          data-testid="call-intent"
        />
      )}
      {suggested.length === 0 ? null : (
        <List
          size="small"
          header={<Typography.Text type="secondary">{translate('calls.knowledge.suggested')}</Typography.Text>}
          dataSource={suggested}
          renderItem={(answer) => <AnswerItem key={answer.id} answer={answer} query="" />}
          data-testid="call-knowledge-suggested"
        />
      )}
      <Input.Search
        allowClear
        value={text}
        maxLength={100}
        onChange={(event) => setText(event.target.value)}
        placeholder={translate('calls.knowledge.searchPlaceholder')}
        data-testid="call-knowledge-search"
      />
      {shown === null ? null : shown.answers.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={translate('knowledge.empty', { text: shown.query })} />
      ) : (
        <List size="small" dataSource={shown.answers} renderItem={(answer) => <AnswerItem key={answer.id} answer={answer} query={shown.query} />} />
      )}
    </Card>
  );
}
