import { Flex, Spin, Tag, Typography } from 'antd';
import { FailureAlert } from '../../components/FailureAlert';
import { useT } from '../../i18n/translate';
import { segmentText } from './highlight';
import { SeverityTag } from './ruleLabels';
import type { PhraseTestAnswer } from './usePhraseTest';

const markStyle = { background: '#ffe58f', borderRadius: 2, padding: '0 1px' } as const;
const blockMarkStyle = { ...markStyle, background: '#ffccc7' } as const;
const hitListStyle = { listStyle: 'none', margin: 0, padding: 0, border: '1px solid #f0f0f0', borderRadius: 8 } as const;
const hitStyle = { display: 'flex', flexDirection: 'column', gap: 4, padding: '8px 12px' } as const;

/** The sentence with its hits marked (overlapping hits merged into one mark). */
function HighlightedSentence({ answer, testIdPrefix }: { answer: PhraseTestAnswer; testIdPrefix: string }) {
  const segments = segmentText(answer.text, answer.hits);
  return (
    <Typography.Paragraph className="break-anywhere" style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }} data-testid={`${testIdPrefix}-highlight`}>
      {segments.map((segment) => {
        if (!segment.marked) return <span key={segment.start}>{segment.text}</span>;
        const covering = answer.hits.filter((hit) => hit.start < segment.end && hit.end > segment.start);
        const blocks = covering.some((hit) => hit.severity === 'block');
        return (
          <mark
            key={segment.start}
            style={blocks ? blockMarkStyle : markStyle}
            title={[...new Set(covering.map((hit) => hit.ruleId))].join(', ')}
            data-testid={`${testIdPrefix}-mark`}
          >
            {segment.text}
          </mark>
        );
      })}
    </Typography.Paragraph>
  );
}

/**
 * The answer of a sentence check: the sentence marked, then each hit with its rule, severity,
 * matched words and the suggested wording. `draftId` tags the hits of the rule being edited.
 */
export function PhraseTestResult({
  answer,
  checking,
  testIdPrefix,
  draftId,
}: {
  answer: PhraseTestAnswer | null;
  checking: boolean;
  testIdPrefix: string;
  draftId?: string;
}) {
  const translate = useT();
  if (answer === null) {
    return checking ? <Spin size="small" /> : null;
  }
  return (
    <div data-testid={`${testIdPrefix}-result`} data-checking={checking ? 'true' : 'false'} aria-busy={checking} aria-live="polite">
      {answer.failureCode === null ? null : (
        <FailureAlert code={answer.failureCode} heading={translate('phraseRules.test.failed')} testId={`${testIdPrefix}-error`} />
      )}
      <HighlightedSentence answer={answer} testIdPrefix={testIdPrefix} />
      <Flex align="center" gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text type={answer.hits.length === 0 ? 'success' : 'warning'} data-testid={`${testIdPrefix}-summary`}>
          {answer.failureCode !== null
            ? null
            : answer.hits.length === 0
              ? translate('phraseRules.test.noHits')
              : translate('phraseRules.test.hitCount', { count: answer.hits.length })}
        </Typography.Text>
        {checking ? <Spin size="small" /> : null}
      </Flex>
      {answer.hits.length === 0 ? null : (
        <ol style={hitListStyle} data-testid={`${testIdPrefix}-hits`}>
          {answer.hits.map((hit, index) => (
            <li
              key={`${index}-${hit.ruleId}-${hit.start}`}
              style={index === 0 ? hitStyle : { ...hitStyle, borderTop: '1px solid #f0f0f0' }}
              data-testid={`${testIdPrefix}-hit`}
              data-rule-id={hit.ruleId}
            >
              <Flex wrap align="center" gap={8}>
                <Typography.Text strong>{hit.ruleId}</Typography.Text>
                {draftId !== undefined && hit.ruleId === draftId ? <Tag color="blue">{translate('phraseRules.test.thisRule')}</Tag> : null}
                <SeverityTag severity={hit.severity} />
                <Typography.Text>
                  {translate('phraseRules.test.matched')}
                  <Typography.Text code data-testid={`${testIdPrefix}-hit-text`}>
                    {hit.text}
                  </Typography.Text>
                </Typography.Text>
              </Flex>
              <Typography.Text type="secondary" data-testid={`${testIdPrefix}-hit-suggestions`}>
                {hit.suggestions.length === 0
                  ? translate('phraseRules.test.noSuggestion')
                  : translate('phraseRules.test.suggestions', { suggestions: hit.suggestions.join(translate('phraseRules.listSeparator')) })}
              </Typography.Text>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
