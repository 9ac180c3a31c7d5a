import { Card, Input, Typography } from 'antd';
import { useState } from 'react';
import { phraseTestTextLimit } from '../../../common/ipc/phrase-rules';
import { useT } from '../../i18n/translate';
import { PhraseTestResult } from './PhraseTestResult';
import { usePhraseTest } from './usePhraseTest';

/**
 * "Test a sentence": what an agent might say, checked against the saved rulebook as it is
 * typed. The sentence stays in this component only and goes when the page closes.
 */
export function PhraseTestPanel() {
  const translate = useT();
  const [text, setText] = useState('');
  const { answer, checking } = usePhraseTest(text);

  return (
    <Card title={translate('phraseRules.test.title')} size="small" data-testid="phrase-test-panel">
      <Typography.Paragraph type="secondary">{translate('phraseRules.test.hint')}</Typography.Paragraph>
      <Input.TextArea
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={translate('phraseRules.test.placeholder')}
        aria-label={translate('phraseRules.test.title')}
        autoSize={{ minRows: 2, maxRows: 8 }}
        maxLength={phraseTestTextLimit}
        spellCheck={false}
        data-testid="phrase-test-input"
      />
      <div style={{ marginTop: 12 }}>
        <PhraseTestResult answer={answer} checking={checking} testIdPrefix="phrase-test" />
      </div>
    </Card>
  );
}
