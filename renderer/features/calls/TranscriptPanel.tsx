import { Card, Empty, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import type { TranscriptLine } from '../../../common/ipc/calls';
import { useT } from '../../i18n/translate';
import { markSegments } from '../phrase-warnings/phraseMarks';
import { usePhraseEngineStore } from '../phrase-warnings/usePhraseEngineStore';
import { useCallStore } from './useCallStore';

/** One line: the speaker, and the text with each banned phrase marked and its suggestions on hover. */
function Line({ line }: { line: TranscriptLine }) {
  const translate = useT();
  const advice = usePhraseEngineStore((state) => state.advice);
  const hits = line.hits.map((hit) => ({ ...hit, text: line.text.slice(hit.start, hit.end) }));
  return (
    <li className={`transcript-line transcript-line-${line.speaker}`} data-testid="transcript-line" data-speaker={line.speaker}>
      <Tag className="transcript-speaker">{translate(`calls.speaker.${line.speaker}`)}</Tag>
      <span className="transcript-text">
        {markSegments(line.text, hits).map((segment) => {
          if (segment.severity === undefined) return <span key={segment.start}>{segment.text}</span>;
          const suggestions = [...new Set(segment.hits.flatMap((hit) => advice.get(hit.ruleId)?.suggestions ?? []))];
          const tip = [
            segment.hits.map((hit) => hit.ruleId).join(' '),
            suggestions.length === 0 ? '' : translate('calls.transcript.suggest', { text: suggestions.join(' / ') }),
          ]
            .filter((part) => part !== '')
            .join(' — ');
          return (
            <Tooltip key={segment.start} title={tip}>
              <mark className={`transcript-mark transcript-mark-${segment.severity}`} data-severity={segment.severity} data-testid="transcript-mark">
                {segment.text}
              </mark>
            </Tooltip>
          );
        })}
      </span>
    </li>
  );
}

/**
 * The live transcript of the call: lines as the middleware sends them, banned phrases marked
 * (main checks them as a stream and stores each hit's rule and time for QA, never the words).
 */
export function TranscriptPanel() {
  const translate = useT();
  const transcript = useCallStore((state) => state.transcript);
  const listRef = useRef<HTMLOListElement>(null);
  const hitCount = transcript.reduce((count, line) => count + (line.speaker === 'agent' ? line.hits.length : 0), 0);

  useEffect(() => {
    const list = listRef.current;
    if (list !== null) list.scrollTop = list.scrollHeight;
  }, [transcript.length]);

  return (
    <Card
      size="small"
      className="transcript-panel"
      title={translate('calls.transcript.title')}
      extra={
        hitCount === 0 ? null : (
          <Tag color="red" data-testid="transcript-hit-count">
            {translate('calls.transcript.agentHits', { count: hitCount })}
          </Tag>
        )
      }
      data-testid="transcript-panel"
    >
      {transcript.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={translate('calls.transcript.empty')} />
      ) : (
        <ol className="transcript-lines" ref={listRef}>
          {transcript.map((line) => (
            <Line key={line.index} line={line} />
          ))}
        </ol>
      )}
      <Typography.Text type="secondary" className="transcript-note">
        {translate('calls.transcript.privacy')}
      </Typography.Text>
    </Card>
  );
}
